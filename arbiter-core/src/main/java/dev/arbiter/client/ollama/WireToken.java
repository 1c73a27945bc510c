package dev.arbiter.client.ollama;

import java.util.List;

/** One entry of Ollama's {@code logprobs}, or one of its {@code top_logprobs} alternatives. */
record WireToken(String token, Double logprob, List<WireToken> topLogprobs) {}
