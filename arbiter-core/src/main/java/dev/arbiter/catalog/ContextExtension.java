package dev.arbiter.catalog;

/**
 * How a model reaches a context longer than the positions its config.json ships: RoPE scaling that the serving
 * engine must be told about, because the checkpoint does not carry it. Qwen2.5 7B–72B (and Coder) ship
 * {@code max_position_embeddings} 32,768 with no {@code rope_scaling}; their cards enable 131,072 tokens with YaRN,
 * factor 4 over 32,768 original positions. vLLM refuses a {@code --max-model-len} beyond the config's positions
 * unless told; llama.cpp silently stays at the trained context.
 *
 * @param method        {@code yarn} (the only method a catalogue model needs so far)
 * @param factor        the scaling factor, e.g. 4.0
 * @param nativeContext positions the checkpoint was trained for ({@code original_max_position_embeddings}), tokens
 * @param ropeTheta     the model's {@code rope_theta}: vLLM's {@code rope_parameters} override replaces the whole
 *                      RoPE block, so the base frequency has to be restated
 * @param source        where the model's maker says so
 */
public record ContextExtension(String method, double factor, long nativeContext, double ropeTheta, String source) {
    public ContextExtension {
        if (!"yarn".equals(method)) throw new IllegalArgumentException("context_extension.method must be 'yarn', got " + method);
        if (!(factor > 1)) throw new IllegalArgumentException("context_extension.factor must be > 1, got " + factor);
        Checks.positive("context_extension.native_context", nativeContext);
        if (!(ropeTheta > 0)) throw new IllegalArgumentException("context_extension.rope_theta must be > 0, got " + ropeTheta);
        Checks.required("context_extension.source", source);
    }

    /** Whether a sequence of {@code context} tokens needs the extension switched on. */
    public boolean neededFor(long context) {
        return context > nativeContext;
    }
}
