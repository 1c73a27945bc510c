package dev.arbiter.fit;

import java.util.List;

/**
 * A memory and speed estimate. Byte counts are exact integers of the stated arithmetic; fields after
 * {@code totalBytes} are null when no hardware was given. {@code basis} says where every figure comes from.
 *
 * @param weightsBytes         weights over all devices
 * @param kvCacheBytes         KV cache for one sequence of {@code context} tokens over all devices (replicas counted)
 * @param overheadBytes        runtime context and compute buffers over all devices
 * @param totalBytes           weights + KV + overhead
 * @param perGpuBytes          what the busiest device holds
 * @param usableBytesPerGpu    what one device offers after the runtime's own reservation
 * @param fits                 perGpuBytes ≤ usableBytesPerGpu
 * @param maxContext           largest context that fits (capped at the model's), 0 when not even one token does; null
 *                             when not searched for ({@link FitCalculator#estimateAtQuant})
 * @param bestQuant            highest-precision quant of the runtime's format that fits at {@code context}, or null
 *                             (none fits, or not searched for)
 * @param decodeTokensPerS     single-stream decode estimate when it fits
 * @param prefillTokensPerS    prefill estimate when it fits and the hardware publishes BF16 TFLOPS
 * @param offload              partial offload when it does not fit and the runtime can split by layer
 * @param gguf                 the GGUF weights tensor type by tensor type, when the runtime loads a GGUF file; else null
 * @param decode               what the decode estimate (resident or offloaded) is made of, or null without one
 */
public record FitResult(String model, Quant quant, long context, KvType kvType, Runtime runtime, String hardware, Integer gpus,
                        long totalParams, long activeParams,
                        long weightsBytes, long kvCacheBytes, long overheadBytes, long totalBytes,
                        Long perGpuBytes, Long usableBytesPerGpu, Boolean fits, Long maxContext, Quant bestQuant,
                        Double decodeTokensPerS, Double prefillTokensPerS, Offload offload, DecodeEstimate decode,
                        List<String> basis, GgufWeights gguf) {
    public FitResult {
        // A LazyList is immutable already and formats its lines only when read (FitCalculator).
        basis = basis instanceof dev.arbiter.util.LazyList<String> ? basis : List.copyOf(basis);
    }
}
