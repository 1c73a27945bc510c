package dev.arbiter.bench;

/**
 * One user message of a benchmark conversation.
 *
 * @param user         the message text
 * @param inputTokens  estimated tokens of this message (words for synthetic prompts, chars ÷ 4 for files), ≥ 1
 * @param outputTokens tokens to ask for ({@code max_tokens}; also forced as the minimum when the server allows)
 */
public record Turn(String user, int inputTokens, int outputTokens) {
    public Turn {
        if (user == null || user.isEmpty()) throw new IllegalArgumentException("a turn needs user text");
        if (inputTokens < 1) throw new IllegalArgumentException("input_tokens must be >= 1, got " + inputTokens);
        if (outputTokens < 1) throw new IllegalArgumentException("output_tokens must be >= 1, got " + outputTokens);
    }
}
