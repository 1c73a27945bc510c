package dev.arbiter.fit;

/**
 * Every constant the fit estimate rests on, with where it comes from. Each is repeated in the result's
 * {@code basis} strings so a reader of the output can check it without reading this file.
 */
public final class FitConstants {
    private FitConstants() {}

    /**
     * Single-stream decode reaches about two thirds of peak bandwidth on GPUs. llama.cpp's CUDA scoreboard
     * (github.com/ggml-org/llama.cpp/discussions/15013, Llama-2 7B Q4_0 = 3.56 GiB, tg128) gives RTX 3090 158.2 t/s
     * (0.65 of 936 GB/s), RTX 4090 189.0 (0.72 of 1008), RTX 5090 300.4 (0.64 of 1792). Data-centre GPUs reach less
     * on a 7B model (A100 80GB 200.9 t/s = 0.38, H100 280.7 t/s ≈ 0.32) because fixed per-token cost dominates such a
     * small model; the models one puts on them are larger, so we keep 0.65 there too and say so.
     */
    public static final double GPU_DECODE_EFFICIENCY = 0.65;

    /** Apple Silicon, same benchmark (llama.cpp discussions/4167): M2 Ultra 94.3 t/s = 0.45 of 800 GB/s, M4 Max 83.1 t/s = 0.58 of 546. */
    public static final double APPLE_DECODE_EFFICIENCY = 0.5;

    /** Jetson AGX Orin 64GB in discussions/15013: 33.6 t/s × 3.82 GB = 0.63 of 204.8 GB/s. Used for boards. */
    public static final double EDGE_DECODE_EFFICIENCY = 0.6;

    /** Phones and CPUs: no measurement of ours to cite; an assumption between the Apple and board figures. */
    public static final double OTHER_DECODE_EFFICIENCY = 0.5;

    /**
     * Prefill model-FLOPs utilisation against the dense BF16 figure. A coarse constant: llama.cpp's pp512 in
     * discussions/15013 corresponds to 0.15 (H100) – 0.23 (A100) of BF16 peak, and to ≈1.0 on GeForce cards whose
     * published BF16 figure uses FP32 accumulation while llama.cpp uses FP16/INT8 paths. Treat prefill as ±3×.
     */
    public static final double PREFILL_MFU = 0.5;

    /**
     * CUDA/ROCm context per process and GPU: "~300 MB" with lazy module loading (pytorch/pytorch#107667),
     * 300–400 MB (pytorch/pytorch#20532). We take 400 MiB.
     */
    public static final long GPU_CONTEXT_BYTES = 400L << 20;

    /** llama.cpp's default micro-batch ({@code -ub 512}); its compute buffer and SWA cache are sized by it. */
    public static final int LLAMA_CPP_UBATCH = 512;

    /**
     * vLLM's default {@code gpu_memory_utilization} (0.9 of device memory: docs.vllm.ai engine args;
     * docs.anyscale.com/llm/batch-inference/resource-allocation/gpu-memory). SGLang and TGI reserve similar
     * fractions by default; we apply the same figure to them.
     */
    public static final double SERVER_MEMORY_UTILIZATION = 0.9;

    /**
     * Activation peak and CUDA graphs of a tensor-parallel server, per GPU. An assumption: vLLM measures it in a
     * profiling run at {@code max_num_batched_tokens} and it depends on the model; 1 GiB is typical of 7B–70B logs.
     */
    public static final long SERVER_ACTIVATION_BYTES = 1L << 30;

    /** Default system-RAM bandwidth for layers left on the CPU: achieved (not peak) dual-channel DDR5; DDR5-4800 peaks at 76.8 GB/s. */
    public static final double DEFAULT_CPU_BANDWIDTH_GBS = 60.0;

    public static double defaultDecodeEfficiency(HardwareKind kind) {
        return switch (kind) {
            case GPU -> GPU_DECODE_EFFICIENCY;
            case APPLE -> APPLE_DECODE_EFFICIENCY;
            case EDGE -> EDGE_DECODE_EFFICIENCY;
            case PHONE, CPU -> OTHER_DECODE_EFFICIENCY;
        };
    }
}
