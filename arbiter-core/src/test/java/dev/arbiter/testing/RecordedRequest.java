package dev.arbiter.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Map;

/**
 * One request the scripted server received, as it arrived.
 *
 * @param headers  lower-cased names
 * @param sequence 1-based order of arrival across the server's life
 * @param attempt  1 + the number of earlier requests with the same method, path and body (so a script can fail the
 *                 first try of each prompt and answer the retry)
 */
public record RecordedRequest(String method, String path, Map<String, String> headers, String body, long sequence,
                              int attempt) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** The body as JSON; an empty object when there is no JSON body. */
    public JsonNode json() {
        try {
            JsonNode n = body.isEmpty() ? null : MAPPER.readTree(body);
            return n == null ? MAPPER.createObjectNode() : n;
        } catch (IOException e) {
            return MAPPER.createObjectNode();
        }
    }

    /** A chat's last user message, or a completion's prompt; null for other requests. */
    public String lastUserMessage() {
        JsonNode j = json();
        if (j.has("messages")) {
            String last = null;
            for (JsonNode m : j.get("messages")) if ("user".equals(m.path("role").asText())) last = m.path("content").asText();
            return last;
        }
        return j.hasNonNull("prompt") ? j.get("prompt").asText() : null;
    }

    public String model() {
        return json().path("model").asText(null);
    }

    /** Whether the client asked for a stream (Ollama streams unless told not to). */
    public boolean stream() {
        JsonNode s = json().get("stream");
        if (path.startsWith("/api/")) return s == null || s.asBoolean();
        return s != null && s.asBoolean();
    }

    /** One of the four generation routes: /v1/chat/completions, /v1/completions, /api/chat, /api/generate. */
    public boolean isGeneration() {
        return path.equals("/v1/chat/completions") || path.equals("/v1/completions") || path.equals("/api/chat")
                || path.equals("/api/generate");
    }

    public boolean isChat() {
        return path.equals("/v1/chat/completions") || path.equals("/api/chat");
    }
}
