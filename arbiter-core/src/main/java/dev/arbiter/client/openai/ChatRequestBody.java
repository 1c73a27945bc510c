package dev.arbiter.client.openai;

import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerationConfig;

import java.util.List;

/**
 * Body of POST /v1/chat/completions. Null fields are not sent, so the server's defaults apply. A message is a
 * {@link WireMessage} (text) or a {@link PartsMessage} (text and images).
 */
record ChatRequestBody(String model, List<Object> messages, Double temperature, Double topP, Integer maxTokens,
                       Long seed, List<String> stop, Boolean logprobs, Integer topLogprobs, Boolean stream,
                       StreamOptions streamOptions) {
    static ChatRequestBody of(String model, GenerateRequest r) {
        GenerationConfig c = r.config();
        boolean lp = c.topLogprobs() != null;
        return new ChatRequestBody(model, r.messages().stream().map(PartsMessage::of).toList(), c.temperature(), c.topP(),
                c.maxTokens(), c.seed(), c.stop(), lp ? Boolean.TRUE : null, lp ? c.topLogprobs() : null,
                r.stream() ? Boolean.TRUE : null, r.stream() ? new StreamOptions(true) : null);
    }
}
