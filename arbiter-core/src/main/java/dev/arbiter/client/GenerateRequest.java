package dev.arbiter.client;

import java.util.List;

/**
 * What to ask the model: a chat ({@code messages}) or a raw completion ({@code prompt}), never both.
 * {@code stream} asks the client to use SSE/NDJSON streaming (needed for time-to-first-token).
 */
public record GenerateRequest(List<ChatMessage> messages, String prompt, GenerationConfig config, boolean stream) {
    public GenerateRequest {
        if ((messages == null) == (prompt == null)) {
            throw new IllegalArgumentException("exactly one of messages or prompt is required");
        }
        messages = messages == null ? null : List.copyOf(messages);
        config = config == null ? GenerationConfig.DEFAULT : config;
    }

    public static GenerateRequest chat(List<ChatMessage> messages, GenerationConfig config) {
        return new GenerateRequest(messages, null, config, false);
    }

    public static GenerateRequest completion(String prompt, GenerationConfig config) {
        return new GenerateRequest(null, prompt, config, false);
    }

    public boolean isChat() { return messages != null; }
}
