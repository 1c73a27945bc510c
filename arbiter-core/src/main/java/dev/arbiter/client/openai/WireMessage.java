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

    String reasoningText() {
        return reasoningContent != null ? reasoningContent : reasoning;
    }
}
