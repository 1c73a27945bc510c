package dev.arbiter.probe;

import dev.arbiter.error.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How an obfuscated probe disguises its injection before it is sent (MITRE ATLAS AML.T0068). {@code none} sends it
 * as written (a translated injection is simply written in that language in the pack).
 */
public enum Obfuscation {
    none, base64, hex, rot13, tag_chars;

    /** Unicode tag characters U+E0000..U+E007F mirror ASCII: U+E0041 is an invisible 'A'. */
    static final int TAG_BASE = 0xE0000;

    public String encode(String text) {
        return switch (this) {
            case none -> text;
            case base64 -> Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
            case hex -> HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
            case rot13 -> rot13(text);
            case tag_chars -> toTags(text);
        };
    }

    public static Obfuscation parse(String s, String where) {
        try {
            return valueOf(s.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(where + ": unknown encoding '" + s + "' (expected none, base64, hex, rot13, tag_chars)");
        }
    }

    static String rot13(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) sb.append(rot13(s.charAt(i)));
        return sb.toString();
    }

    static char rot13(char c) {
        if (c >= 'a' && c <= 'z') return (char) ('a' + (c - 'a' + 13) % 26);
        if (c >= 'A' && c <= 'Z') return (char) ('A' + (c - 'A' + 13) % 26);
        return c;
    }

    /** Printable ASCII as invisible tag characters; anything else is kept as is. */
    static String toTags(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) sb.appendCodePoint(TAG_BASE + c);
            else sb.append(c);
        }
        return sb.toString();
    }

    /** The ASCII that tag characters spell, in order, with everything else dropped; empty when there are none. */
    static String fromTags(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().filter(cp -> cp > TAG_BASE + 0x1f && cp < TAG_BASE + 0x7f).forEach(cp -> sb.append((char) (cp - TAG_BASE)));
        return sb.toString();
    }
}
