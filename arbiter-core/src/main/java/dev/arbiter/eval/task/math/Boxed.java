package dev.arbiter.eval.task.math;

/** The content of the last {@code \boxed{…}} (or {@code \fbox{…}}) in a text, braces balanced, as Hendrycks' harness. */
public final class Boxed {
    private Boxed() {}

    /** The content of the last box, or null when there is none or its braces never close. */
    public static String last(String text) {
        if (text == null) return null;
        int at = Math.max(text.lastIndexOf("\\boxed"), text.lastIndexOf("\\fbox"));
        if (at < 0) return null;
        int i = at + (text.startsWith("\\boxed", at) ? 6 : 5);
        if (i < text.length() && text.charAt(i) == ' ') {
            // "\boxed 5$": the value runs to the closing dollar or the end of the line
            int end = i + 1;
            while (end < text.length() && text.charAt(end) != '$' && text.charAt(end) != '\n') end++;
            String v = text.substring(i + 1, end).strip();
            return v.isEmpty() ? null : v;
        }
        if (i >= text.length() || text.charAt(i) != '{') return null;
        int depth = 0;
        for (int j = i; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return text.substring(i + 1, j);
        }
        return null;
    }
}
