package dev.arbiter.cost;

import java.util.List;

/**
 * Batched decode throughput of one deployment: aggregate tokens/s at batch 1, 8, 32, 64 and the largest batch the KV
 * cache holds, and the output throughput at the chosen concurrency once prefill shares the GPUs.
 *
 * @param points                   decode alone, at each batch size (those above {@code maxBatch} are left out)
 * @param maxBatch                 sequences of the workload's final length the KV cache (and the engine's cap) holds at once
 * @param maxBatchLimit            kv_cache or engine (vLLM's max_num_seqs 256)
 * @param concurrency              requests in flight the cost is computed at (capped at {@code maxBatch})
 * @param outputTokensPerS         output tokens/s at {@code concurrency}, prefill included
 * @param prefillMsPerToken        GPU time of one prompt token, ms, or null without a TFLOPS figure
 * @param decodeMsPerOutputToken   GPU time of one output token at {@code concurrency}: step time / concurrency, ms
 * @param basis                    the model and its assumptions, with the figures used
 */
public record ThroughputEstimate(List<BatchPoint> points, int maxBatch, String maxBatchLimit, int concurrency,
                                 double outputTokensPerS, Double prefillMsPerToken, double decodeMsPerOutputToken,
                                 List<String> basis) {
    public ThroughputEstimate {
        points = List.copyOf(points);
        basis = basis instanceof dev.arbiter.util.LazyList<String> ? basis : List.copyOf(basis);  // formatted when read
    }
}
