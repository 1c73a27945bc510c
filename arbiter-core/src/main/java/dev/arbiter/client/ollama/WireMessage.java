package dev.arbiter.client.ollama;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.ImagePart;

import java.util.List;

/**
 * A chat message on Ollama's wire; {@code thinking} holds a thinking model's reasoning when Ollama separates it, and
 * {@code images} a user turn's images as plain base64 strings (Ollama's format: no {@code data:} prefix).
 */
record WireMessage(String role, String content, String thinking, List<String> images) {
    static WireMessage of(ChatMessage m) {
        return new WireMessage(m.role(), m.content(), null,
                m.hasImages() ? m.images().stream().map(ImagePart::base64).toList() : null);
    }
}
