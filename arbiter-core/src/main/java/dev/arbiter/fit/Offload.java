package dev.arbiter.fit;

/**
 * A llama.cpp-style partial offload ({@code -ngl gpuLayers}) when the whole model does not fit on the GPU(s):
 * the first {@code gpuLayers} decoder layers and their KV cache on the GPU(s), the rest, the token embedding and
 * output head in system RAM.
 *
 * @param gpuLayers         decoder layers on the GPU(s)
 * @param cpuLayers         decoder layers left on the CPU
 * @param cpuBytes          bytes the CPU side holds (weights and KV of its layers, embedding, head, extras)
 * @param cpuBandwidthGbs   system-RAM bandwidth assumed for the CPU side, GB/s
 * @param decodeTokensPerS  estimated single-stream decode speed with this split
 */
public record Offload(int gpuLayers, int cpuLayers, long cpuBytes, double cpuBandwidthGbs, double decodeTokensPerS) {}
