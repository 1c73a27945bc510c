package dev.arbiter.client;

/**
 * One token of a prompt as the server tokenised it, with the log-probability (natural log) the model gave it after
 * the tokens before it.
 *
 * @param text    the token's text as the server reports it
 * @param offset  where the token starts in the prompt, in Java chars (UTF-16 units), 0-based
 * @param logprob log P(token | earlier tokens); NaN for the first token, which has no context
 */
public record PromptToken(String text, int offset, double logprob) {
    public PromptToken {
        if (text == null) throw new IllegalArgumentException("text is required");
        if (offset < 0) throw new IllegalArgumentException("offset must be >= 0, got " + offset);
    }
}
