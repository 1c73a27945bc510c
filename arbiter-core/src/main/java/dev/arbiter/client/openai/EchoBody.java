package dev.arbiter.client.openai;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The answer to an {@link EchoRequestBody}: the legacy completions shape with {@code text_offset}. */
record EchoBody(List<EchoBody.EchoChoice> choices, WireUsage usage, JsonNode error) {
    /** {@code choices[i]}: with echo, {@code text} is the prompt followed by what was generated. */
    record EchoChoice(Integer index, String text, EchoLogprobs logprobs) {}

    /** Parallel arrays over the echoed prompt's tokens, then the generated ones; offsets in code points of {@code text}. */
    record EchoLogprobs(List<String> tokens, List<Double> tokenLogprobs, List<Integer> textOffset) {}

    EchoChoice first() {
        if (choices == null) return null;
        for (EchoChoice c : choices) if (c != null && (c.index() == null || c.index() == 0)) return c;
        return null;
    }
}
