package dev.arbiter.client.openai;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A whole chat/completions response or one streamed chunk; {@code error} is set when the server reports one in-band.
 * {@code done} and {@code message} are never OpenAI's: they are read only to recognise an Ollama-format answer.
 */
record CompletionBody(String model, List<Choice> choices, WireUsage usage, JsonNode error, Boolean done, JsonNode message) {
    boolean ollamaShaped() {
        return done != null || (message != null && !message.isNull());
    }

    /** The first choice (index 0), or null; Arbiter always asks for one choice. */
    Choice first() {
        if (choices == null) return null;
        for (Choice c : choices) if (c != null && (c.index() == null || c.index() == 0)) return c;
        return null;
    }
}
