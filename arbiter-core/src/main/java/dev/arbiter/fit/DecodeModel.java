package dev.arbiter.fit;

import dev.arbiter.catalog.Architecture;
import dev.arbiter.catalog.ParamCount;
import dev.arbiter.fit.gguf.GgufSize;

import java.util.Locale;

/**
 * Single-stream decode time per token, built from the bytes each device reads, the engine's fixed costs and the
 * communication its parallelism needs. See {@link FitConstants} for the constants and where each was measured.
 *
 * <ul>
 *   <li>one device: bytes / (η × B) + step + layers × c_layer</li>
 *   <li>tensor parallel over t (vLLM, SGLang, TGI): each GPU reads 1/t of the weights at once, then
 *       (2 × layers + 1) all-reduces of one hidden state each cost α + 2(t−1)/t × bytes / link — so the time tends
 *       to a floor and 8 GPUs are not twice as fast as 4</li>
 *   <li>MoE routing: each MoE layer costs k × c_expert for the k routed experts a token chooses (router, top-k,
 *       fused expert kernels); at batch 1 this, not the active bytes, dominates DeepSeek-class models</li>
 *   <li>expert parallel: routed experts sit whole on the GPUs, so the busiest GPU reads E[max experts on one GPU]
 *       experts rather than k/t of each, and each MoE layer trades its all-reduce for a dispatch and a combine
 *       all-to-all ({@link ExpertLoad})</li>
 *   <li>pipeline parallel over s stages of t GPUs (across nodes, or where the heads do not divide): a token visits
 *       the stages in turn, so the per-token time is the sum of the stage times — each stage's slice read at one
 *       tensor group's speed, its all-reduces, its layers — plus (s − 1) hops between stages</li>
 *   <li>layer split over n (llama.cpp, a pipeline with one micro-batch): a token visits the GPUs in turn, so the
 *       bytes are read at one GPU's speed and each extra GPU adds a hop</li>
 *   <li>partial offload (llama.cpp -ngl k): the output layer and the last k − 1 blocks at the GPU's speed, the other
 *       blocks and one embedding row at the CPU's achieved RAM bandwidth, and two PCIe crossings of the hidden state</li>
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
        ParallelPlan plan = ParallelPlan.of(r);
        int n = r.gpus();
        long weights = Weights.readBytesPerToken(r, p);
        double eta = hw.efficiency();
        double fixedMs = cost.stepMs() + a.layers() * cost.layerUs() / 1000;
        int moeLayers = moeLayers(a);
        double moeMs = moeLayers * cost.moeUs(a) / 1000;
        if (r.runtime().layerSplit()) {
            long bytes = weights + m.kv();  // layers visited in turn: the sum is read at one device's speed
            double memoryMs = bytes / (eta * hw.bandwidthBytesPerSecond()) * 1000;
            double hopMs = (n - 1) * FitConstants.LAYER_SPLIT_HOP_MS;
            double experts = a.moe() == null ? 0 : a.moe().activeExperts();
            return estimate(n > 1 ? "layer-split" : "single", bytes, eta, hw, memoryMs, fixedMs, 0, 0, hopMs, moeMs, 0,
                    plan, 0, hopMs, experts);
        }
        int t = plan.tensor();
        long routed = routedReadBytes(r, p);
        double experts = busiestExperts(a, plan);
        double routedCritical = a.moe() == null ? 0 : routed * experts / a.moe().activeExperts();
        // Each stage's tensor group reads its slice of the non-expert weights and of the KV at once; the stages follow
        // one another, so their reads add up to the whole model's over t.
        long bytes = ceilDiv(weights - routed, t) + (long) Math.ceil(routedCritical) + m.kvPerGpu() * plan.pipeline();
        double memoryMs = bytes / (eta * hw.bandwidthBytesPerSecond()) * 1000;
        int allReduces = t > 1 ? 2 * a.layers() + 1 - (plan.expert() ? moeLayers : 0) : 0;
        int allToAlls = t > 1 && plan.expert() ? 2 * moeLayers : 0;
        double perAllReduceUs = t > 1 ? allReduceUs(hw, t, a.hiddenSize()) : 0;
        double collectiveMs = (allReduces + allToAlls * FitConstants.ALL_TO_ALL_PER_ALL_REDUCE) * perAllReduceUs / 1000;
        double hopMs = plan.hops() * FitConstants.PIPELINE_HOP_MS + plan.interNodeHops() * FitConstants.INTER_NODE_HOP_MS;
        String mode = n == 1 ? "single" : plan.pipeline() > 1 ? "pipeline" : plan.expert() ? "expert-parallel" : "tensor-parallel";
        return estimate(mode, bytes, eta, hw, memoryMs, fixedMs, allReduces, perAllReduceUs, collectiveMs + hopMs, moeMs, 0,
                plan, allToAlls, hopMs, experts);
    }

    /** Routed experts of one token the busiest GPU reads per MoE layer under {@code plan}; 0 for a dense model. */
    static double busiestExperts(Architecture a, ParallelPlan plan) {
        if (a.moe() == null) return 0;
        int k = a.moe().activeExperts();
        return plan.expert() ? ExpertLoad.expectedBusiest(a.moe().experts(), k, plan.tensor()) : (double) k / plan.tensor();
    }

    /** Bytes of the routed experts one token uses (all MoE layers), at the body precision. */
    static long routedReadBytes(FitRequest r, ParamCount p) {
        return (long) Math.ceil(p.activeRoutedExperts() * r.quant().bodyBits() / 8);
    }

    /**
     * Decode with llama.cpp's {@code -ngl gpuLayers}: the output layer and the last {@code gpuLayers − 1} blocks on the
     * GPU(s), the token embedding and the other blocks in system RAM ({@link Offload}). Each side reads its layers as
     * the GGUF file sizes them, tensor by tensor, and its blocks' KV cache; the CPU side reads one row of the embedding.
     */
    static DecodeEstimate offload(FitRequest r, ParamCount p, FitCalculator.Memory m, int gpuLayers) {
        Hardware hw = r.hardware();
        Architecture a = r.architecture();
        GgufSize s = Weights.ggufSize(r).orElseThrow(() -> new IllegalStateException("partial offload needs a GGUF file: " + r.quant().wire()));
        EngineCosts cost = EngineCosts.of(r.runtime(), hw.kind());
        int layers = a.layers();
        int gpuBlocks = Math.min(layers, Math.max(0, gpuLayers - 1));
        double share = Weights.activeExpertShare(a);
        double gpuRead = gpuLayers >= 1 ? s.outputLayerBytes() : 0;                    // bytes per token
        double cpuRead = (double) s.tokenEmbdBytes() / a.vocabSize()                      // one row of the lookup table
                + (gpuLayers >= 1 ? 0 : s.outputLayerBytes());
        for (int i = 0; i < layers; i++) {
            double layer = s.blockReadBytes(i, share) + KvCache.layerBytes(a, i, r.context(), r.kvType(), r.runtime(), r.swaFull());
            if (i >= layers - gpuBlocks) gpuRead += layer; else cpuRead += layer;
        }
        long gpuBytes = (long) Math.ceil(gpuRead);
        double eta = hw.efficiency();
        double memoryMs = gpuBytes / (eta * hw.bandwidthBytesPerSecond()) * 1000;
        double cpuMs = cpuRead / (FitConstants.CPU_DECODE_EFFICIENCY * r.cpuBandwidthGbs() * 1e9) * 1000;
        // the hidden state crosses PCIe to the CPU layers and back: f32, one token
        double pcieMs = gpuLayers > 0 && gpuBlocks < layers ? 2.0 * 4 * a.hiddenSize() / (hw.hostGbs() * 1e9) * 1000 : 0;
        double hopMs = (r.gpus() - 1) * FitConstants.LAYER_SPLIT_HOP_MS;
        double fixedMs = cost.stepMs() + layers * cost.layerUs() / 1000;
        return estimate("offload", gpuBytes, eta, hw, memoryMs, fixedMs, 0, 0, pcieMs + hopMs, 0, cpuMs,
                ParallelPlan.of(r), 0, hopMs, 0);
    }

    /** One all-reduce of one token's hidden state (BF16) over n devices, µs. */
    static double allReduceUs(Hardware hw, int n, int hidden) {
        double bytes = 2.0 * hidden;
        return hw.allReduceUs() + 2.0 * (n - 1) / n * bytes / (hw.linkGbs() * 1e9) * 1e6;
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
        ParallelPlan plan = d.plan();
        boolean server = !r.runtime().layerSplit() && r.gpus() > 1;
        StringBuilder s = new StringBuilder(String.format(Locale.US, "decode (%s, batch 1", d.parallelism()));
        if (server) s.append(", ").append(plan.describe());
        s.append(String.format(Locale.US, "): %s read per %s per token at %.2f × %.0f GB/s = %.2f ms",
                gib(d.bytesPerDevice()), readBy(d, plan), d.efficiency(), d.bandwidthGbs(), d.memoryMs()));
        if (server && a.moe() != null) {
            s.append(String.format(Locale.US, plan.expert()
                            ? " (routed experts placed whole: the busiest GPU reads %.2f of a token's %d experts per MoE layer, expected maximum over %d GPUs holding %d experts each, uniform routing assumed; sliced they would be %.2f)"
                            : " (routed experts sliced over the tensor group: %.2f of a token's %d experts per GPU per MoE layer; --expert-parallel places them whole on %d GPUs of %d experts each)",
                    d.expertsOnBusiest(), a.moe().activeExperts(), plan.tensor(), a.moe().experts() / plan.tensor(),
                    (double) a.moe().activeExperts() / plan.tensor()));
        }
        if (d.cpuMs() > 0) {
            s.append(String.format(Locale.US, "; CPU side (blocks left in RAM, one embedding row%s) at %.1f × %.1f GB/s = %.2f ms",
                    d.bytesPerDevice() == 0 ? ", the head" : "", FitConstants.CPU_DECODE_EFFICIENCY, r.cpuBandwidthGbs(), d.cpuMs()));
        }
        s.append(String.format(Locale.US, "; engine %.2f ms (%.2f ms per token + %d layers × %.0f µs; %s)",
                d.fixedMs(), cost.stepMs(), a.layers(), cost.layerUs(), cost.what()));
        if (d.allReduces() > 0) {
            s.append(String.format(Locale.US, "; %d all-reduces (2 per layer + 1%s) of %s over %d GPUs × %.1f µs = %.2f ms over %s (%.1f µs latency, %.0f GB/s per direction)",
                    d.allReduces(), plan.expert() ? ", less the MoE layers' FFN all-reduce" : "", kib(2L * a.hiddenSize()), plan.tensor(),
                    d.allReduceUs(), d.allReduces() * d.allReduceUs() / 1000, hw.interconnect().wire(), hw.allReduceUs(), hw.linkGbs()));
        }
        if (d.allToAlls() > 0) {
            s.append(String.format(Locale.US, "; %d all-to-alls (dispatch and combine per MoE layer) × %.1f µs = %.2f ms (each charged one all-reduce's latency: an assumption, no batch-1 expert-parallel measurement found)",
                    d.allToAlls(), d.allReduceUs() * FitConstants.ALL_TO_ALL_PER_ALL_REDUCE,
                    d.allToAlls() * d.allReduceUs() * FitConstants.ALL_TO_ALL_PER_ALL_REDUCE / 1000));
        }
        if (server && plan.pipeline() > 1) {
            s.append(String.format(Locale.US, "; %d pipeline stages visited in turn: the stage times add up, plus %d hops × %.2f ms%s = %.2f ms (assumed: no published batch-1 pipeline run found)",
                    plan.pipeline(), plan.hops(), FitConstants.PIPELINE_HOP_MS,
                    plan.interNodeHops() > 0 ? String.format(Locale.US, " + %d between nodes × %.2f ms", plan.interNodeHops(), FitConstants.INTER_NODE_HOP_MS) : "",
                    d.hopMs()));
        } else if (!server && d.communicationMs() > 0) {
            s.append(String.format(Locale.US, "; %.2f ms moving the hidden state between devices (%s)", d.communicationMs(),
                    d.parallelism().equals("offload") ? "PCIe at " + String.format(Locale.US, "%.0f GB/s", hw.hostGbs())
                            + (r.gpus() > 1 ? String.format(Locale.US, " + %d GPU hops × %.1f ms", r.gpus() - 1, FitConstants.LAYER_SPLIT_HOP_MS) : "")
                            : String.format(Locale.US, "%d hops × %.1f ms", r.gpus() - 1, FitConstants.LAYER_SPLIT_HOP_MS)));
        }
        if (d.moeMs() > 0) {
            s.append(String.format(Locale.US, "; MoE routing: %d MoE layers × %d routed expert%s × %.0f µs (router, top-k, fused expert kernels) = %.2f ms",
                    moeLayers(a), a.moe().activeExperts(), a.moe().activeExperts() == 1 ? "" : "s", cost.expertUs(), d.moeMs()));
        }
        s.append(String.format(Locale.US, " → %.2f ms per token ≈ %.1f tokens/s",
                d.millisPerToken(), d.tokensPerS()));
        return s.toString();
    }

    private static String readBy(DecodeEstimate d, ParallelPlan plan) {
        return switch (d.parallelism()) {
            case "tensor-parallel", "expert-parallel" -> "GPU";
            case "pipeline" -> "GPU of each of the " + plan.pipeline() + " stages, in turn,";
            default -> "device";
        };
    }

    private static DecodeEstimate estimate(String mode, long bytes, double eta, Hardware hw, double memoryMs, double fixedMs,
                                           int allReduces, double allReduceUs, double communicationMs, double moeMs, double cpuMs,
                                           ParallelPlan plan, int allToAlls, double hopMs, double expertsOnBusiest) {
        double ms = memoryMs + fixedMs + communicationMs + moeMs + cpuMs;
        return new DecodeEstimate(1000.0 / ms, mode, bytes, eta, hw.bandwidthGbs(), memoryMs, fixedMs, allReduces, allReduceUs,
                communicationMs, moeMs, cpuMs, plan, allToAlls, hopMs, expertsOnBusiest);
    }

    private static String gib(long bytes) {
        return String.format(Locale.US, "%.2f GiB", bytes / (double) (1L << 30));
    }

    private static String kib(long bytes) {
        return String.format(Locale.US, "%.0f KiB", bytes / 1024.0);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
