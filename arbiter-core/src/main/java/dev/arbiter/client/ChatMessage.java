package dev.arbiter.client;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One chat turn. {@code role} is system, user or assistant; {@code images} (user turns only) are sent after the
 * text, in the API's own format (OpenAI-compatible {@code image_url} parts, Ollama's {@code images}).
 */
public record ChatMessage(String role, String content, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ImagePart> images) {
    public ChatMessage {
        if (role == null || !(role.equals("system") || role.equals("user") || role.equals("assistant"))) {
            throw new IllegalArgumentException("role must be system, user or assistant, got " + role);
        }
        if (content == null) throw new IllegalArgumentException("content is required");
        images = images == null ? List.of() : List.copyOf(images);
        if (!images.isEmpty() && !role.equals("user")) throw new IllegalArgumentException("only user turns carry images, not " + role);
    }

    public ChatMessage(String role, String content) {
        this(role, content, List.of());
    }

    public static ChatMessage system(String s) { return new ChatMessage("system", s); }
    public static ChatMessage user(String s) { return new ChatMessage("user", s); }
    public static ChatMessage assistant(String s) { return new ChatMessage("assistant", s); }

    /** A user turn with images after its text. */
    public static ChatMessage user(String s, List<ImagePart> images) { return new ChatMessage("user", s, images); }

    public boolean hasImages() { return !images.isEmpty(); }
}
