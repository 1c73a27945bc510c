package dev.arbiter.client.openai;

import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerationConfig;

import java.util.List;

/** Body of POST /v1/chat/completions. Null fields are not sent, so the server's defaults apply. */
record ChatRequestBody(String model, List<WireMessage> messages, Double temperature, Double topP, Integer maxTokens,
                       Long seed, List<String> stop, Boolean logprobs, Integer topLogprobs, Boolean stream,
                       StreamOptions streamOptions) {
    static ChatRequestBody of(String model, GenerateRequest r) {
        GenerationConfig c = r.config();
        boolean lp = c.topLogprobs() != null;
        return new ChatRequestBody(model, r.messages().stream().map(WireMessage::of).toList(), c.temperature(), c.topP(),
                c.maxTokens(), c.seed(), c.stop(), lp ? Boolean.TRUE : null, lp ? c.topLogprobs() : null,
                r.stream() ? Boolean.TRUE : null, r.stream() ? new StreamOptions(true) : null);
    }
}
