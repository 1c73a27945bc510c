package dev.arbiter.client.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.TokenLogprob;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One NDJSON line of /api/chat or /api/generate, or the whole non-streamed answer. The last line has
 * {@code done: true} with the reason and token counts; {@code error} is set when Ollama fails mid-stream.
 * {@code choices} and {@code object} are never Ollama's: they are read only to recognise an OpenAI-format answer.
 */
record OllamaChunk(String model, WireMessage message, String response, String thinking, Boolean done, String doneReason,
                   Integer promptEvalCount, Integer evalCount, List<WireToken> logprobs, JsonNode error,
                   JsonNode choices, String object) {
    /** An OpenAI-format body (choices, or an object such as chat.completion), as llama.cpp answers on /api/chat. */
    boolean openAiShaped() {
        return (choices != null && !choices.isNull()) || (object != null && object.startsWith("chat.completion"))
                || "text_completion".equals(object);
    }

    String contentText() {
        return message != null ? message.content() : response;
    }

    String reasoningText() {
        return message != null && message.thinking() != null ? message.thinking() : thinking;
    }

    boolean isDone() {
        return Boolean.TRUE.equals(done);
    }

    List<TokenLogprob> tokens() {
        List<TokenLogprob> out = new ArrayList<>();
        if (logprobs == null) return out;
        for (WireToken t : logprobs) {
            Map<String, Double> top = new HashMap<>();
            if (t.topLogprobs() != null) {
                for (WireToken alt : t.topLogprobs()) {
                    if (alt.token() != null && alt.logprob() != null) top.merge(alt.token(), alt.logprob(), Math::max);
                }
            }
            out.add(new TokenLogprob(t.token() == null ? "" : t.token(), t.logprob() == null ? Double.NaN : t.logprob(), top));
        }
        return out;
    }
}
