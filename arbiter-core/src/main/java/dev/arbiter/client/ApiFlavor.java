package dev.arbiter.client;

/** Wire protocol of an endpoint. */
public enum ApiFlavor { openai, ollama }
