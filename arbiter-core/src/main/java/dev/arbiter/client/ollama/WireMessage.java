package dev.arbiter.client.ollama;

import dev.arbiter.client.ChatMessage;

/** A chat message on Ollama's wire; {@code thinking} holds a thinking model's reasoning when Ollama separates it. */
record WireMessage(String role, String content, String thinking) {
    static WireMessage of(ChatMessage m) {
        return new WireMessage(m.role(), m.content(), null);
    }
}
