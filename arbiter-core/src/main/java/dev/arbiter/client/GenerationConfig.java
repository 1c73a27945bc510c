package dev.arbiter.client;

import java.util.List;

/**
 * Sampling settings sent with a request; null fields are left to the server's defaults and not sent.
 *
 * @param topLogprobs when non-null, ask for logprobs with this many alternatives per generated token
 * @param numCtx      context window to request from Ollama ({@code options.num_ctx}); ignored by OpenAI servers
 */
public record GenerationConfig(Double temperature, Double topP, Integer maxTokens, Long seed, List<String> stop,
                               Integer topLogprobs, Integer numCtx) {
    public static final GenerationConfig DEFAULT = new GenerationConfig(0.0, null, 1024, null, null, null, null);

    public GenerationConfig {
        stop = stop == null ? null : List.copyOf(stop);
        if (maxTokens != null && maxTokens <= 0) throw new IllegalArgumentException("max_tokens must be > 0");
        if (temperature != null && temperature < 0) throw new IllegalArgumentException("temperature must be >= 0");
    }

    public GenerationConfig withSeed(Long s) { return new GenerationConfig(temperature, topP, maxTokens, s, stop, topLogprobs, numCtx); }
    public GenerationConfig withMaxTokens(Integer m) { return new GenerationConfig(temperature, topP, m, seed, stop, topLogprobs, numCtx); }
    public GenerationConfig withTopLogprobs(Integer k) { return new GenerationConfig(temperature, topP, maxTokens, seed, stop, k, numCtx); }
    public GenerationConfig withTemperature(Double t) { return new GenerationConfig(t, topP, maxTokens, seed, stop, topLogprobs, numCtx); }
    public GenerationConfig withNumCtx(Integer n) { return new GenerationConfig(temperature, topP, maxTokens, seed, stop, topLogprobs, n); }
    public GenerationConfig withStop(List<String> s) { return new GenerationConfig(temperature, topP, maxTokens, seed, s, topLogprobs, numCtx); }
}
