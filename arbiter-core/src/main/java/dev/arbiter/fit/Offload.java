package dev.arbiter.fit;

/**
 * A llama.cpp partial offload ({@code -ngl gpuLayers}) when the whole model does not fit on the GPU(s). llama.cpp
 * counts n_layer + 1 layers, the output layer (final norm and head) last, and puts the last {@code -ngl} of them on
 * the GPU(s): the output layer first, then the blocks from the last one backwards (src/llama-model.cpp
 * {@code i_gpu_start = n_layer + 1 - n_gpu_layers}, since ggml-org/llama.cpp#18148). A block's KV cache stays with
 * it. The token embedding is always on the CPU ("there is very little benefit to offloading the input layer").
 *
 * @param gpuLayers         the {@code -ngl} value: the output layer (when ≥ 1) and {@code gpuLayers − 1} blocks
 * @param gpuBlocks         decoder blocks on the GPU(s), the last ones
 * @param cpuLayers         decoder blocks left on the CPU, the first ones
 * @param gpuBytes          bytes the GPU side holds (its weights and its blocks' KV), before the overhead
 * @param cpuBytes          bytes the CPU side holds (token embedding, its blocks' weights and KV, the head if not offloaded)
 * @param cpuBandwidthGbs   system-RAM bandwidth assumed for the CPU side, GB/s
 * @param decodeTokensPerS  estimated single-stream decode speed with this split
 */
public record Offload(int gpuLayers, int gpuBlocks, int cpuLayers, long gpuBytes, long cpuBytes, double cpuBandwidthGbs,
                      double decodeTokensPerS) {}
