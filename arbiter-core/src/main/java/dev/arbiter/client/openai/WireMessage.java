package dev.arbiter.client.openai;

import dev.arbiter.client.ChatMessage;

/**
 * A chat message on the wire; also the streamed {@code delta}. Reasoning servers add {@code reasoning_content}
 * (vLLM, SGLang, llama.cpp, DeepSeek) or {@code reasoning} (some LiteLLM/OpenRouter-style proxies).
 */
record WireMessage(String role, String content, String reasoningContent, String reasoning) {
    static WireMessage of(ChatMessage m) {
        return new WireMessage(m.role(), m.content(), null, null);
    }

    /** This turn as the mapper writes it (null fields left out); for {@link ChatRequestBody#write}. */
    void write(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
        g.writeStartObject();
        if (role != null) g.writeStringField("role", role);
        if (content != null) g.writeStringField("content", content);
        if (reasoningContent != null) g.writeStringField("reasoning_content", reasoningContent);
        if (reasoning != null) g.writeStringField("reasoning", reasoning);
        g.writeEndObject();
    }

    String reasoningText() {
        return reasoningContent != null ? reasoningContent : reasoning;
    }
}
