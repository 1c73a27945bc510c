package dev.arbiter.client;

import java.util.List;

/**
 * The model's answer.
 *
 * @param text         content with any {@code <think>…</think>} block removed (what scorers see)
 * @param reasoning    the removed reasoning (or the server's {@code reasoning_content}), kept for logs; null if none
 * @param finishReason stop, length, … as the server says
 * @param logprobs     per generated token, when requested and returned; empty otherwise
 * @param model        model name the server reports
 */
public record GenerateResponse(String text, String reasoning, String finishReason, Usage usage,
                               List<TokenLogprob> logprobs, Timing timing, String model) {
    public GenerateResponse {
        text = text == null ? "" : text;
        usage = usage == null ? Usage.UNKNOWN : usage;
        logprobs = logprobs == null ? List.of() : List.copyOf(logprobs);
    }
}
