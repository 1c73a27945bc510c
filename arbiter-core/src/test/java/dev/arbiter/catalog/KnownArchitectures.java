package dev.arbiter.catalog;

/**
 * Architectures of real models, built directly from their published config.json so tests do not depend on the
 * bundled catalogue. Shared by the catalogue and fit tests.
 */
public final class KnownArchitectures {
    private KnownArchitectures() {}

    /** Qwen2.5-7B-Instruct: dense GQA (28 q heads, 4 kv heads), untied head, q/k/v bias. */
    public static Architecture qwen25_7b() {
        return new Architecture(28, 3584, 28, 4, 128, 152064, false, 18944, true, null, null, null, 0, null,
                "https://huggingface.co/Qwen/Qwen2.5-7B-Instruct/blob/main/config.json");
    }

    /** Qwen2.5-72B-Instruct: 80 layers (llama.cpp's LLM_TYPE_70B), 64 q heads, 8 kv heads, FFN 29568 (not a multiple of 256), untied. */
    public static Architecture qwen25_72b() {
        return new Architecture(80, 8192, 64, 8, 128, 152064, false, 29568, true, null, null, null, 0, null,
                "https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/config.json");
    }

    /** DeepSeek-V3: MLA, 256 routed experts (8 active) + 1 shared, expert FFN 2048, first 3 layers dense. */
    public static Architecture deepseekV3() {
        return new Architecture(61, 7168, 128, 128, 0, 129280, false, 18432, false,
                new Moe(256, 8, 1, 2048, 1, 3), null, new Mla(1536, 512, 128, 64, 128), 0, null,
                "https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/config.json");
    }

    /**
     * Llama-4-Scout-17B-16E text stack: every layer MoE (16 experts, top-1, 1 shared, expert FFN 8192), chunked
     * attention (8192-token chunks) in 3 of every 4 layers. {@code intermediate_size_mlp} 16384 is the dense width.
     */
    public static Architecture llama4Scout(long extraParams) {
        return new Architecture(48, 5120, 40, 8, 128, 202048, false, 16384, false,
                new Moe(16, 1, 1, 8192, 1, 0), new LocalAttention("chunked", 8192, 4), null, extraParams,
                extraParams == 0 ? null : "vision encoder",
                "https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E-Instruct/blob/main/config.json");
    }

    /** Gemma-3-27B text stack: 62 layers, 16 kv heads × 128, sliding window 1024 with every 6th layer global, tied. */
    public static Architecture gemma3_27b() {
        return new Architecture(62, 5376, 32, 16, 128, 262208, true, 21504, false, null,
                new LocalAttention("sliding", 1024, 6), null, 0, null,
                "https://huggingface.co/google/gemma-3-27b-it/blob/main/config.json");
    }
}
