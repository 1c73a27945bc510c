package dev.arbiter.fit;

import dev.arbiter.catalog.Architecture;
import dev.arbiter.catalog.ParamCount;

import java.util.Locale;

/**
 * Single-stream decode time per token, built from the bytes each device reads, the engine's fixed costs and the
 * communication its parallelism needs. See {@link FitConstants} for the constants and where each was measured.
 *
 * <ul>
 *   <li>one device: bytes / (η × B) + step + layers × c_layer</li>
 *   <li>tensor parallel over n (vLLM, SGLang, TGI): each GPU reads 1/n of the weights at once, then
 *       (2 × layers + 1) all-reduces of one hidden state each cost α + 2(n−1)/n × bytes / link, plus a per-MoE-layer
 *       cost — so the time tends to a floor and 8 GPUs are not twice as fast as 4</li>
 *   <li>layer split over n (llama.cpp, a pipeline with one micro-batch): a token visits the GPUs in turn, so the
 *       bytes are read at one GPU's speed and each extra GPU adds a hop</li>
 *   <li>partial offload (llama.cpp -ngl k): k layers at the GPU's speed, the rest, the embedding and head at the
 *       CPU's achieved RAM bandwidth, and two PCIe crossings of the hidden state</li>
 * </ul>
 * Stateless.
 */
final class DecodeModel {
    private DecodeModel() {}

    /** Decode when the whole model is resident on the device(s). */
    static DecodeEstimate resident(FitRequest r, ParamCount p, FitCalculator.Memory m) {
        Hardware hw = r.hardware();
        Architecture a = r.architecture();
        EngineCosts cost = EngineCosts.of(r.runtime(), hw.kind());
        int n = r.gpus();
        long weights = r.quant().readBytesPerToken(p);
        double eta = hw.efficiency();
        double fixedMs = cost.stepMs() + a.layers() * cost.layerUs() / 1000;
        double moeMs = moeLayers(a) * cost.moeLayerUs() / 1000;
        if (r.runtime().layerSplit()) {
            long bytes = weights + m.kv();  // layers visited in turn: the sum is read at one device's speed
            double memoryMs = bytes / (eta * hw.bandwidthBytesPerSecond()) * 1000;
            double hopMs = (n - 1) * FitConstants.LAYER_SPLIT_HOP_MS;
            return estimate(n > 1 ? "layer-split" : "single", bytes, eta, hw, memoryMs, fixedMs, 0, 0, hopMs, moeMs, 0);
        }
        long bytes = ceilDiv(weights, n) + m.kvPerGpu();  // all ranks read their slice at once
        double memoryMs = bytes / (eta * hw.bandwidthBytesPerSecond()) * 1000;
        int allReduces = n > 1 ? 2 * a.layers() + 1 : 0;
        double perAllReduceUs = n > 1 ? allReduceUs(hw, n, a.hiddenSize()) : 0;
        return estimate(n > 1 ? "tensor-parallel" : "single", bytes, eta, hw, memoryMs, fixedMs, allReduces, perAllReduceUs,
                allReduces * perAllReduceUs / 1000, moeMs, 0);
    }

    /** Decode with llama.cpp's {@code -ngl gpuLayers}: those layers on the GPU(s), the rest in system RAM. */
    static DecodeEstimate offload(FitRequest r, ParamCount p, FitCalculator.Memory m, int gpuLayers) {
        Hardware hw = r.hardware();
        Architecture a = r.architecture();
        EngineCosts cost = EngineCosts.of(r.runtime(), hw.kind());
        int layers = a.layers();
        long head = headReadBytes(r, p);
        double perLayer = (double) (r.quant().readBytesPerToken(p) - head) / layers + (double) m.kv() / layers;
        long gpuBytes = (long) (gpuLayers * perLayer);
        double cpuBytes = (layers - gpuLayers) * perLayer + head;
        double eta = hw.efficiency();
        double memoryMs = gpuBytes / (eta * hw.bandwidthBytesPerSecond()) * 1000;
        double cpuMs = cpuBytes / (FitConstants.CPU_DECODE_EFFICIENCY * r.cpuBandwidthGbs() * 1e9) * 1000;
        // the hidden state crosses PCIe to the CPU layers and back: f32, one token
        double pcieMs = gpuLayers > 0 && gpuLayers < layers ? 2.0 * 4 * a.hiddenSize() / (hw.hostGbs() * 1e9) * 1000 : 0;
        double hopMs = (r.gpus() - 1) * FitConstants.LAYER_SPLIT_HOP_MS;
        double fixedMs = cost.stepMs() + layers * cost.layerUs() / 1000;
        return estimate("offload", gpuBytes, eta, hw, memoryMs, fixedMs, 0, 0, pcieMs + hopMs, 0, cpuMs);
    }

    /** One all-reduce of one token's hidden state (BF16) over n devices, µs. */
    static double allReduceUs(Hardware hw, int n, int hidden) {
        double bytes = 2.0 * hidden;
        return hw.allReduceUs() + 2.0 * (n - 1) / n * bytes / (hw.linkGbs() * 1e9) * 1e6;
    }

    /** Bytes of the output projection read per token (the head, or the tied embedding used as head). */
    static long headReadBytes(FitRequest r, ParamCount p) {
        return (long) Math.ceil(p.inputEmbedding() * r.quant().embeddingBits() / 8);
    }

    static int moeLayers(Architecture a) {
        if (a.moe() == null) return 0;
        int n = 0;
        for (int i = 0; i < a.layers(); i++) if (a.moe().isMoeLayer(i)) n++;
        return n;
    }

    /** The basis line for a decode estimate: every term with its figure. */
    static String basis(FitRequest r, DecodeEstimate d) {
        Hardware hw = r.hardware();
        Architecture a = r.architecture();
        EngineCosts cost = EngineCosts.of(r.runtime(), hw.kind());
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "decode (%s, batch 1): %s read per %s per token at %.2f × %.0f GB/s = %.2f ms",
                d.parallelism(), gib(d.bytesPerDevice()), d.parallelism().equals("tensor-parallel") ? "GPU" : "device",
                d.efficiency(), d.bandwidthGbs(), d.memoryMs()));
        if (d.cpuMs() > 0) {
            s.append(String.format(Locale.ROOT, "; CPU side (layers left in RAM, embedding and head) at %.1f × %.1f GB/s = %.2f ms",
                    FitConstants.CPU_DECODE_EFFICIENCY, r.cpuBandwidthGbs(), d.cpuMs()));
        }
        s.append(String.format(Locale.ROOT, "; engine %.2f ms (%.2f ms per token + %d layers × %.0f µs; %s)",
                d.fixedMs(), cost.stepMs(), a.layers(), cost.layerUs(), cost.what()));
        if (d.allReduces() > 0) {
            s.append(String.format(Locale.ROOT, "; %d all-reduces (2 per layer + 1) of %s × %.1f µs = %.2f ms over %s (%.1f µs latency, %.0f GB/s per direction)",
                    d.allReduces(), kib(2L * a.hiddenSize()), d.allReduceUs(), d.communicationMs(), hw.interconnect().wire(),
                    hw.allReduceUs(), hw.linkGbs()));
        } else if (d.communicationMs() > 0) {
            s.append(String.format(Locale.ROOT, "; %.2f ms moving the hidden state between devices (%s)", d.communicationMs(),
                    d.parallelism().equals("offload") ? "PCIe at " + String.format(Locale.ROOT, "%.0f GB/s", hw.hostGbs())
                            + (r.gpus() > 1 ? String.format(Locale.ROOT, " + %d GPU hops × %.1f ms", r.gpus() - 1, FitConstants.LAYER_SPLIT_HOP_MS) : "")
                            : String.format(Locale.ROOT, "%d hops × %.1f ms", r.gpus() - 1, FitConstants.LAYER_SPLIT_HOP_MS)));
        }
        if (d.moeMs() > 0) {
            s.append(String.format(Locale.ROOT, "; %d MoE layers × %.0f µs routing and expert kernels = %.2f ms (experts sharded tensor-parallel, the engines' default; expert parallelism, which trades the all-reduce for two all-to-alls per MoE layer, is not modelled)",
                    moeLayers(a), cost.moeLayerUs(), d.moeMs()));
        }
        s.append(String.format(Locale.ROOT, " → %.2f ms per token ≈ %.1f tokens/s",
                d.millisPerToken(), d.tokensPerS()));
        return s.toString();
    }

    private static DecodeEstimate estimate(String mode, long bytes, double eta, Hardware hw, double memoryMs, double fixedMs,
                                           int allReduces, double allReduceUs, double communicationMs, double moeMs, double cpuMs) {
        double ms = memoryMs + fixedMs + communicationMs + moeMs + cpuMs;
        return new DecodeEstimate(1000.0 / ms, mode, bytes, eta, hw.bandwidthGbs(), memoryMs, fixedMs, allReduces, allReduceUs,
                communicationMs, moeMs, cpuMs);
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
    }

    private static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
