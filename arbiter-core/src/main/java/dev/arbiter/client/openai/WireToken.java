package dev.arbiter.client.openai;

import java.util.List;

/** One entry of chat-style {@code logprobs.content}, or one of its {@code top_logprobs} alternatives. */
record WireToken(String token, Double logprob, List<WireToken> topLogprobs) {}
