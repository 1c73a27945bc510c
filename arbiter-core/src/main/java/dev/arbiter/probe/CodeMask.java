package dev.arbiter.probe;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blanks out markdown code (fenced blocks and inline spans) with spaces, keeping every other offset, because a chat
 * UI shows code as text: an image or script tag inside a code block is not rendered.
 */
final class CodeMask {
    private static final Pattern FENCE = Pattern.compile("(?s)(```|~~~).*?(\\1|\\z)");
    private static final Pattern INLINE = Pattern.compile("`[^`\\n]+`");

    private CodeMask() {}

    static String mask(String text) {
        StringBuilder sb = new StringBuilder(text);
        blank(sb, FENCE.matcher(text));
        blank(sb, INLINE.matcher(sb.toString()));
        return sb.toString();
    }

    private static void blank(StringBuilder sb, Matcher m) {
        while (m.find()) for (int i = m.start(); i < m.end(); i++) if (sb.charAt(i) != '\n') sb.setCharAt(i, ' ');
    }
}
