package dev.arbiter.testing;

import dev.arbiter.client.ApiFlavor;

/**
 * Which real server the scripted server imitates: decides the identity routes it answers (for discovery and
 * probing) and the protocol a client should use. Every persona speaks the OpenAI dialect under /v1; only
 * OLLAMA also speaks /api/*.
 */
public enum Persona {
    /** /api/tags, /api/version, /api/show, /api/chat, /api/generate, plus /v1. */
    OLLAMA(ApiFlavor.ollama),
    /** /version, and /v1/models entries carry max_model_len. */
    VLLM(ApiFlavor.openai),
    /** /props with default_generation_settings.n_ctx. */
    LLAMA_CPP(ApiFlavor.openai),
    /** /info with model_id and max_total_tokens. */
    TGI(ApiFlavor.openai),
    /** Only /v1 (LM Studio, LiteLLM, hosted APIs). */
    OPENAI(ApiFlavor.openai);

    public final ApiFlavor api;

    Persona(ApiFlavor api) {
        this.api = api;
    }
}
