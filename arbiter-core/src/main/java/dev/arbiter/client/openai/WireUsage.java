package dev.arbiter.client.openai;

/** {@code usage}: token counts the server reports. */
record WireUsage(Integer promptTokens, Integer completionTokens) {}
