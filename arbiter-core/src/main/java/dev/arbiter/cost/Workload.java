package dev.arbiter.cost;

import dev.arbiter.error.InvalidInputException;

/**
 * The requests a deployment serves, as average token counts per request.
 *
 * @param inputTokens  prompt tokens per request
 * @param outputTokens generated tokens per request
 */
public record Workload(long inputTokens, long outputTokens) {
    /** vLLM's random-dataset prompt length (1024) with a chat-length answer of 256 tokens. */
    public static final Workload DEFAULT = new Workload(1024, 256);

    public Workload {
        if (inputTokens < 0) throw new InvalidInputException("--input-tokens must be >= 0, got " + inputTokens);
        if (outputTokens < 1) throw new InvalidInputException("--output-tokens must be >= 1, got " + outputTokens);
    }

    /** Tokens a sequence holds on average while it decodes: the prompt plus half the answer. */
    public long averageContext() {
        return inputTokens + Math.max(1, outputTokens / 2);
    }

    /** Tokens a sequence holds at its end: what the KV cache must reserve per sequence. */
    public long finalContext() {
        return inputTokens + outputTokens;
    }
}
