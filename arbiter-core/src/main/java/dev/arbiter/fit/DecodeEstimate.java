package dev.arbiter.fit;

/**
 * Single-stream decode speed and what it is made of. Times are per generated token, in ms; their sum is
 * 1000 / tokensPerS.
 *
 * @param tokensPerS       estimated tokens per second for one sequence (batch 1)
 * @param parallelism      {@code single}, {@code tensor-parallel}, {@code pipeline} (tensor-parallel stages in
 *                         turn), {@code expert-parallel}, {@code layer-split} or {@code offload}
 * @param bytesPerDevice   weight and KV bytes the busiest device (for offload: the GPU side) reads per token; for a
 *                         pipeline, summed over one GPU of each stage, since a token visits the stages in turn
 * @param efficiency       fraction of peak memory bandwidth those reads reach
 * @param bandwidthGbs     peak memory bandwidth of one device, GB/s
 * @param memoryMs         bytesPerDevice / (efficiency × bandwidth)
 * @param fixedMs          engine costs that do not scale with bytes (per step and per layer)
 * @param allReduces       all-reduces per token (2 per layer + 1 for the embedding under tensor parallelism)
 * @param allReduceUs      cost of one all-reduce, µs (latency + 2(n−1)/n × hidden-state bytes / link bandwidth)
 * @param communicationMs  all-reduces, all-to-alls and pipeline hops, or hops between GPUs for a layer split, or
 *                         PCIe crossings for an offload
 * @param moeMs            per-MoE-layer routing and expert-kernel cost
 * @param cpuMs            layers, embedding and head left in system RAM (offload only)
 * @param plan             how the GPUs split the model (tensor × pipeline, experts whole or sliced)
 * @param allToAlls        expert-parallel dispatch and combine all-to-alls per token (2 per MoE layer), else 0
 * @param hopMs            of {@code communicationMs}, the hops between pipeline stages (or layer-split GPUs)
 * @param expertsOnBusiest routed experts of one token the busiest GPU reads per MoE layer: k / tensor when experts
 *                         are sliced, the expected maximum per GPU when they are placed whole; 0 for dense models
 */
public record DecodeEstimate(double tokensPerS, String parallelism, long bytesPerDevice, double efficiency, double bandwidthGbs,
                             double memoryMs, double fixedMs, int allReduces, double allReduceUs, double communicationMs,
                             double moeMs, double cpuMs, ParallelPlan plan, int allToAlls, double hopMs, double expertsOnBusiest) {
    public DecodeEstimate {
        if (!(tokensPerS > 0)) throw new IllegalArgumentException("tokens_per_s must be > 0, got " + tokensPerS);
        if (plan == null) throw new IllegalArgumentException("plan is required");
    }

    /** An estimate on one device or one tensor-parallel group (the form before pipeline and expert terms). */
    public DecodeEstimate(double tokensPerS, String parallelism, long bytesPerDevice, double efficiency, double bandwidthGbs,
                          double memoryMs, double fixedMs, int allReduces, double allReduceUs, double communicationMs,
                          double moeMs, double cpuMs) {
        this(tokensPerS, parallelism, bytesPerDevice, efficiency, bandwidthGbs, memoryMs, fixedMs, allReduces, allReduceUs,
                communicationMs, moeMs, cpuMs, new ParallelPlan(1, 1, false), 0, 0, 0);
    }

    /** Milliseconds per token. */
    public double millisPerToken() {
        return 1000.0 / tokensPerS;
    }
}
