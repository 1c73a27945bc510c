package dev.arbiter.client.openai;

import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerationConfig;

import java.util.List;

/** Body of POST /v1/completions; {@code logprobs} here is the number of alternatives (legacy API). */
record CompletionRequestBody(String model, String prompt, Double temperature, Double topP, Integer maxTokens, Long seed,
                             List<String> stop, Integer logprobs, Boolean stream, StreamOptions streamOptions) {
    static CompletionRequestBody of(String model, GenerateRequest r) {
        GenerationConfig c = r.config();
        return new CompletionRequestBody(model, r.prompt(), c.temperature(), c.topP(), c.maxTokens(), c.seed(), c.stop(),
                c.topLogprobs(), r.stream() ? Boolean.TRUE : null, r.stream() ? new StreamOptions(true) : null);
    }
}
