package dev.arbiter.client;

/** One chat turn. {@code role} is system, user or assistant. */
public record ChatMessage(String role, String content) {
    public ChatMessage {
        if (role == null || !(role.equals("system") || role.equals("user") || role.equals("assistant"))) {
            throw new IllegalArgumentException("role must be system, user or assistant, got " + role);
        }
        if (content == null) throw new IllegalArgumentException("content is required");
    }

    public static ChatMessage system(String s) { return new ChatMessage("system", s); }
    public static ChatMessage user(String s) { return new ChatMessage("user", s); }
    public static ChatMessage assistant(String s) { return new ChatMessage("assistant", s); }
}
