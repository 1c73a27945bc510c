package dev.arbiter.catalog;

/**
 * Layers that attend only to a bounded window, interleaved with full ("global") attention layers.
 * Gemma 3: sliding window of 1024 tokens, every 6th layer global. Llama 4: chunked attention over 8192-token
 * chunks, every 4th layer global (NoPE). A local layer's KV cache never holds more than {@code window} tokens.
 *
 * @param kind        {@code sliding} or {@code chunked}
 * @param window      tokens a local layer keeps (sliding window or attention chunk size)
 * @param globalEvery layer i (0-based) is global when {@code (i + 1) % globalEvery == 0}
 */
public record LocalAttention(String kind, int window, int globalEvery) {
    public LocalAttention {
        if (kind == null || !(kind.equals("sliding") || kind.equals("chunked"))) {
            throw new IllegalArgumentException("local_attention.kind must be 'sliding' or 'chunked', got " + kind);
        }
        Checks.positive("local_attention.window", window);
        Checks.positive("local_attention.global_every", globalEvery);
    }

    public boolean isGlobal(int layer) {
        return (layer + 1) % globalEvery == 0;
    }
}
