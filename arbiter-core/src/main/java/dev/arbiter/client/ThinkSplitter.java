package dev.arbiter.client;

/**
 * Separates a reasoning model's {@code <think>…</think>} text from its answer, so scorers see only the answer.
 * Handles a complete block anywhere, an unterminated leading block (the model ran out of tokens while thinking:
 * all of it is reasoning), and a bare {@code </think>} with no opening tag (chat templates such as DeepSeek R1's
 * put {@code <think>} in the prompt, so the output starts inside the block).
 */
public final class ThinkSplitter {
    private static final String OPEN = "<think>";
    private static final String CLOSE = "</think>";

    private ThinkSplitter() {}

    /** @param reasoning the removed thinking, stripped, or null when there was none */
    public record Split(String content, String reasoning) {}

    public static Split split(String text) {
        if (text == null) return new Split("", null);
        int firstOpen = text.indexOf(OPEN);
        int firstClose = text.indexOf(CLOSE);
        if (firstOpen < 0 && firstClose < 0) return new Split(text, null);
        StringBuilder reasoning = new StringBuilder();
        StringBuilder content = new StringBuilder();
        int pos = 0;
        if (firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen)) {
            add(reasoning, text.substring(0, firstClose));
            pos = firstClose + CLOSE.length();
        }
        while (pos < text.length()) {
            int open = text.indexOf(OPEN, pos);
            if (open < 0) {
                content.append(text, pos, text.length());
                break;
            }
            content.append(text, pos, open);
            int close = text.indexOf(CLOSE, open + OPEN.length());
            if (close < 0) {
                if (content.toString().isBlank()) add(reasoning, text.substring(open + OPEN.length()));
                else content.append(text, open, text.length());
                break;
            }
            add(reasoning, text.substring(open + OPEN.length(), close));
            pos = close + CLOSE.length();
        }
        return new Split(content.toString().stripLeading(), reasoning.isEmpty() ? null : reasoning.toString());
    }

    private static void add(StringBuilder reasoning, String part) {
        String p = part.strip();
        if (p.isEmpty()) return;
        if (!reasoning.isEmpty()) reasoning.append('\n');
        reasoning.append(p);
    }
}
