package dev.arbiter.fit;

import dev.arbiter.catalog.Architecture;

/** Per-device memory beyond weights and KV cache: runtime context and compute/activation buffers. */
public final class Overhead {
    private Overhead() {}

    /**
     * llama.cpp's compute buffer with its default micro-batch: 4 bytes (f32) × n_ubatch × (n_vocab + n_embd).
     * For Llama-3-8B (vocab 128256, hidden 4096) that is 512 × 4 × 132352 = 258.5 MiB, exactly the
     * "CUDA0 compute buffer size = 258.50 MiB" llama.cpp logs for it at n_ctx 512. With flash attention (the
     * default where supported) it does not grow with the context; without it the f32 attention scores add
     * n_ubatch × n_ctx × heads × 4 bytes, which we do not model.
     */
    public static long llamaCppComputeBytes(Architecture a) {
        return 4L * FitConstants.LLAMA_CPP_UBATCH * ((long) a.vocabSize() + a.hiddenSize());
    }

    /** Whether a CUDA/ROCm context is paid on each device. */
    static boolean paysGpuContext(Hardware hw, Runtime runtime) {
        return hw != null ? hw.kind() == HardwareKind.GPU : !runtime.layerSplit();
    }

    /** Bytes of overhead on one device. */
    public static long perDevice(Architecture a, Hardware hw, Runtime runtime) {
        long context = paysGpuContext(hw, runtime) ? FitConstants.GPU_CONTEXT_BYTES : 0;
        long buffers = runtime.layerSplit() ? llamaCppComputeBytes(a) : FitConstants.SERVER_ACTIVATION_BYTES;
        return context + buffers;
    }

    /** Memory one device offers the runtime: all of it for llama.cpp/Ollama, 90 % for the servers. */
    public static long usablePerDevice(Hardware hw, Runtime runtime) {
        long mem = hw.memoryBytes();
        return runtime.layerSplit() ? mem : (long) (mem * FitConstants.SERVER_MEMORY_UTILIZATION);
    }
}
