package dev.arbiter.client.openai;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** A whole chat/completions response or one streamed chunk; {@code error} is set when the server reports one in-band. */
record CompletionBody(String model, List<Choice> choices, WireUsage usage, JsonNode error) {
    /** The first choice (index 0), or null; Arbiter always asks for one choice. */
    Choice first() {
        if (choices == null) return null;
        for (Choice c : choices) if (c != null && (c.index() == null || c.index() == 0)) return c;
        return null;
    }
}
