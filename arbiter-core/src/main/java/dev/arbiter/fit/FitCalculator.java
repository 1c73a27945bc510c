package dev.arbiter.fit;

import dev.arbiter.catalog.Architecture;
import dev.arbiter.catalog.ParamCount;
import dev.arbiter.catalog.ParamCounter;
import dev.arbiter.fit.gguf.GgufSize;

import dev.arbiter.util.LazyList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Memory and speed of one model on one hardware profile. Memory is exact arithmetic over the stated model
 * (weights + KV cache + overhead, per device); speed is the bandwidth bound scaled by a stated efficiency.
 * Stateless and thread-safe.
 */
public final class FitCalculator {

    /** Memory on each device at one quant and context. */
    record Memory(long weights, long kv, long overheadPerGpu, long weightsPerGpu, long kvPerGpu, long usablePerGpu, int gpus) {
        long perGpu() { return weightsPerGpu + kvPerGpu + overheadPerGpu; }
        long kvTotal() { return kvPerGpu * gpus; }
        long total() { return weights + kvTotal() + overheadPerGpu * gpus; }
        boolean fits() { return usablePerGpu > 0 && perGpu() <= usablePerGpu; }
    }

    public FitResult estimate(FitRequest r) {
        return estimate(r, true);
    }

    /**
     * The estimate at the request's quantisation alone: {@code maxContext} and {@code bestQuant} are left null, not
     * searched for (the two searches size the model a dozen times over, two fifths of recommend's fit checks, which
     * try every quantisation themselves and read neither).
     */
    public FitResult estimateAtQuant(FitRequest r) {
        return estimate(r, false);
    }

    private FitResult estimate(FitRequest r, boolean search) {
        ParamCount p = ParamCounter.count(r.architecture());
        Memory m = memory(r, p);
        Hardware hw = r.hardware();
        if (hw == null) {
            return new FitResult(r.modelId(), r.quant(), r.context(), r.kvType(), r.runtime(), null, null, p.total(), p.active(),
                    m.weights(), m.kvTotal(), m.overheadPerGpu(), m.total(), null, null, null, null, null, null, null, null, null,
                    LazyList.of(() -> modelBasis(r, p)), Weights.gguf(r).orElse(null));
        }
        boolean fits = m.fits();
        Long maxContext = search ? maxContext(r, p) : null;
        Quant best = search ? bestQuant(r, p) : null;
        Double prefill = null;
        Offload offload = null;
        DecodeEstimate decode = null;
        if (fits && hw.speedKnown()) {
            decode = DecodeModel.resident(r, p, m);
            prefill = prefillTokensPerS(r, p);
        } else if (!fits && hw.speedKnown() && hw.kind() == HardwareKind.GPU && r.runtime().layerSplit()) {
            offload = offload(r, p, m);
            decode = DecodeModel.offload(r, p, m, offload.gpuLayers());
        }
        // The explanation is formatted only when read (LazyList): recommend estimates hundreds of fits and shows a few.
        Double prefillRate = prefill;
        Offload split = offload;
        DecodeEstimate speed = decode;
        List<String> basis = LazyList.of(() -> hardwareBasis(r, p, fits, speed, prefillRate, split));
        return new FitResult(r.modelId(), r.quant(), r.context(), r.kvType(), r.runtime(), hw.id(), r.gpus(), p.total(), p.active(),
                m.weights(), m.kvTotal(), m.overheadPerGpu() * r.gpus(), m.total(), m.perGpu(), m.usablePerGpu(), fits, maxContext,
                best, decode == null || offload != null ? null : decode.tokensPerS(), prefill, offload, decode, basis,
                Weights.gguf(r).orElse(null));
    }

    /** Where the memory figures come from (parameters, weights, KV cache, overhead, runtime). */
    private static List<String> modelBasis(FitRequest r, ParamCount p) {
        List<String> basis = new ArrayList<>();
        basis.add(String.format(Locale.US, "params: %,d total (%,d outside the text decoder), %,d active per token — counted from the architecture (%s)",
                p.total(), p.extra(), p.active(), r.architecture().source()));
        basis.add(Weights.basis(r, p));
        basis.add(kvBasis(r));
        basis.add(overheadBasis(r));
        basis.add(r.runtimeBasis());
        return basis;
    }

    /** {@link #modelBasis}, then the device's usable memory, the split and where the speed comes from. */
    private static List<String> hardwareBasis(FitRequest r, ParamCount p, boolean fits, DecodeEstimate decode, Double prefill,
                                              Offload offload) {
        Hardware hw = r.hardware();
        List<String> basis = modelBasis(r, p);
        basis.add(usableBasis(r));
        if (r.gpus() > 1) basis.add(splitBasis(r));
        if (fits && !hw.speedKnown()) {
            basis.add("decode: unknown — no memory bandwidth given (add --bandwidth-gbs GB/s for a speed estimate)");
        } else if (!hw.speedKnown()) {
            basis.add("offload: not estimated — no memory bandwidth given (--bandwidth-gbs)");
        } else if (fits) {
            basis.add(DecodeModel.basis(r, decode));
            if (prefill != null) {
                basis.add(String.format(Locale.US, "prefill: %.1f dense BF16 TFLOPS × MFU %.1f ÷ (2 × %,d active params) FLOPs per token; attention FLOPs ignored; coarse (±3×)",
                        hw.bf16Tflops(), FitConstants.PREFILL_MFU, p.active()));
            }
        } else if (hw.kind() == HardwareKind.GPU && r.runtime().layerSplit()) {
            basis.add(offloadBasis(r, offload));
            basis.add(DecodeModel.basis(r, decode));
        } else if (hw.kind() != HardwareKind.GPU) {
            basis.add("offload: not applicable — " + hw.kind().wire() + " memory is one pool; there is no separate system RAM to spill layers into");
        } else {
            basis.add("offload: not modelled for " + r.runtime().wire() + " (tensor-parallel servers; use more GPUs or a smaller quant)");
        }
        return basis;
    }

    Memory memory(FitRequest r, ParamCount p) {
        return memory(r, p, Weights.bytes(r, p));
    }

    /** {@link #memory(FitRequest, ParamCount)} with the weights' bytes given: they do not depend on the context. */
    private Memory memory(FitRequest r, ParamCount p, long weights) {
        Architecture a = r.architecture();
        int n = r.gpus();
        long kv = KvCache.bytes(a, r.context(), r.kvType(), r.runtime(), r.swaFull());
        long kvPerGpu = KvCache.perDevice(r, kv);
        long usable = r.hardware() == null ? 0 : Overhead.usablePerDevice(r.hardware(), r.runtime());
        return new Memory(weights, kv, Overhead.perDevice(a, r.hardware(), r.runtime()), ceilDiv(weights, n), kvPerGpu, usable, n);
    }

    /** Largest context in [1, model context length] that fits; 0 when even one token does not. */
    long maxContext(FitRequest r, ParamCount p) {
        long weights = Weights.bytes(r, p);
        if (!memory(r.with(r.quant(), 1), p, weights).fits()) return 0;
        long lo = 1;
        long hi = r.contextLength();
        while (lo < hi) {  // invariant: lo fits
            long mid = lo + (hi - lo + 1) / 2;
            if (memory(r.with(r.quant(), mid), p, weights).fits()) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /** Highest-precision quant the runtime can load whose total fits at the requested context. */
    Quant bestQuant(FitRequest r, ParamCount p) {
        return Arrays.stream(Quant.values())
                .filter(q -> q.format().runsOn(r.runtime()))
                .sorted(Comparator.comparingDouble(Quant::bodyBits).reversed())
                .filter(q -> memory(r.with(q, r.context()), p).fits())
                .findFirst().orElse(null);
    }

    Double prefillTokensPerS(FitRequest r, ParamCount p) {
        Hardware hw = r.hardware();
        if (hw.bf16Tflops() == null) return null;
        int parallel = r.runtime().layerSplit() ? 1 : r.gpus();
        return hw.bf16Tflops() * 1e12 * FitConstants.PREFILL_MFU * parallel / (2.0 * p.active());
    }

    /**
     * The largest {@code -ngl} whose layers fit on the GPU(s), and what stays in system RAM. Each layer is sized from
     * the GGUF file tensor by tensor ({@link GgufSize}: a block's size depends on its index, as
     * {@code use_more_bits} raises attn_v and ffn_down in some of them) plus the KV cache it holds; llama.cpp offloads
     * the output layer first and then the blocks from the last one backwards ({@link Offload}). The GPUs' memory is
     * pooled: llama.cpp splits the offloaded layers among them by free memory. The speed comes from
     * {@link DecodeModel#offload}.
     */
    Offload offload(FitRequest r, ParamCount p, Memory m) {
        Architecture a = r.architecture();
        GgufSize s = Weights.ggufSize(r).orElseThrow(() -> new IllegalStateException("partial offload needs a GGUF file: " + r.quant().wire()));
        int blocks = a.layers();
        // bytes; the vision projector (mmproj) is offloaded to the GPU whole when images are sent
        long budget = r.gpus() * Math.max(0, m.usablePerGpu() - m.overheadPerGpu()) - (r.images() ? s.projectorBytes() : 0);
        int ngl = 0;
        long gpuBytes = 0;
        if (s.outputLayerBytes() <= budget) {
            ngl = 1;
            gpuBytes = s.outputLayerBytes();
            for (int i = blocks - 1; i >= 0; i--) {
                long next = gpuBytes + s.blockBytes().get(i) + KvCache.layerBytes(a, i, r.context(), r.kvType(), r.runtime(), r.swaFull());
                if (next > budget) break;
                gpuBytes = next;
                ngl++;
            }
        }
        int gpuBlocks = Math.max(0, ngl - 1);
        int cpuBlocks = blocks - gpuBlocks;
        long cpuBytes = s.tokenEmbdBytes() + (ngl == 0 ? s.outputNormBytes() + s.outputBytes() : 0);
        for (int i = 0; i < cpuBlocks; i++) {
            cpuBytes += s.blockBytes().get(i) + KvCache.layerBytes(a, i, r.context(), r.kvType(), r.runtime(), r.swaFull());
        }
        return new Offload(ngl, gpuBlocks, cpuBlocks, gpuBytes, cpuBytes, r.cpuBandwidthGbs(), DecodeModel.offload(r, p, m, ngl).tokensPerS());
    }

    private static String offloadBasis(FitRequest r, Offload o) {
        int blocks = r.architecture().layers();
        String gpu = o.gpuLayers() == 0 ? "nothing fits on the GPU, not even the output layer (final norm and head)"
                : String.format(Locale.US, "-ngl %d puts the output layer (final norm and head) and the last %d of %d blocks with their KV on the GPU, %s",
                        o.gpuLayers(), o.gpuBlocks(), blocks, gib(o.gpuBytes()));
        return String.format(Locale.US, "offload: llama.cpp %s (each layer summed tensor by tensor from the GGUF file; llama.cpp offloads the output layer first, "
                        + "then blocks from the last backwards: src/llama-model.cpp, ggml-org/llama.cpp#18148); the token embedding (always on the CPU)%s%s run from system RAM, %s "
                        + "(%.1f GB/s peak, --cpu-bandwidth-gbs; default dual-channel DDR5-4800)",
                gpu, o.cpuLayers() > 0 ? String.format(Locale.US, " and the first %d blocks", o.cpuLayers()) : "",
                o.gpuLayers() == 0 ? " and the output layer" : "", gib(o.cpuBytes()), r.cpuBandwidthGbs());
    }

    private static String kvBasis(FitRequest r) {
        Architecture a = r.architecture();
        String perToken = a.mla() != null
                ? String.format(Locale.US, "MLA latent %d + RoPE key %d = %d elements", a.mla().kvLoraRank(), a.mla().qkRopeHeadDim(), a.mla().cachedElementsPerToken())
                : String.format(Locale.US, "2 × %d KV heads × %d = %d elements", a.kvHeads(), a.headDim(), KvCache.elementsPerTokenPerLayer(a));
        String local = a.localAttention() == null ? "every layer holds the full context"
                : r.swaFull() ? "--swa-full: local layers hold the full context too"
                : String.format(Locale.US, "%d of %d layers are %s (window %d) and hold at most %d tokens%s",
                        a.layers() - a.globalLayers(), a.layers(), a.localAttention().kind(), a.localAttention().window(),
                        a.localAttention().window() + (r.runtime().layerSplit() ? FitConstants.LLAMA_CPP_UBATCH : 0),
                        r.runtime().layerSplit() ? " (llama.cpp SWA cache = window + n_ubatch 512)" : " (paged: blocks outside the window are freed)");
        return String.format(Locale.US, "KV cache: per layer per token %s at %s (%.4g bits); %s; one sequence of %d tokens%s",
                perToken, r.kvType().wire(), r.kvType().bits(), local, r.context(), chunkedOnVllm(r));
    }

    /**
     * vLLM frees a chunked layer's blocks outside its chunk only with its hybrid KV cache manager, which a switch
     * turns on for chunked local attention: VLLM_ALLOW_CHUNKED_LOCAL_ATTN_WITH_HYBRID_KV_CACHE, default "1" since
     * vllm-project/vllm#29627 (#46553, to restore "0", was closed unmerged in July 2026). Off — the default from
     * #21761 (July 2025) until then — every layer holds the whole context. We model the default and state the other.
     */
    private static String chunkedOnVllm(FitRequest r) {
        Architecture a = r.architecture();
        if (r.runtime() != Runtime.VLLM || a.localAttention() == null || !a.localAttention().kind().equals("chunked") || r.swaFull()) return "";
        long full = KvCache.bytes(a, r.context(), r.kvType(), r.runtime(), true);
        return String.format(Locale.US, "; vLLM frees the chunked layers' old blocks only with its hybrid KV cache manager "
                        + "(VLLM_ALLOW_CHUNKED_LOCAL_ATTN_WITH_HYBRID_KV_CACHE=1, the default since vllm-project/vllm#29627); "
                        + "with it set to 0 — the default from #21761 until then — all %d layers hold the whole context: %s, not %s",
                a.layers(), gib(full), gib(KvCache.bytes(a, r.context(), r.kvType(), r.runtime(), false)));
    }

    private static String overheadBasis(FitRequest r) {
        String ctx = Overhead.paysGpuContext(r.hardware(), r.runtime())
                ? "CUDA/ROCm context 400 MiB per GPU (~300–400 MB measured: pytorch/pytorch#107667, #20532) + " : "";
        String buffers = r.runtime().layerSplit()
                ? String.format(Locale.US, "llama.cpp compute buffer 4 B × n_ubatch 512 × (vocab + hidden) = %s per device (reproduces the 258.50 MiB llama.cpp logs for Llama-3-8B; flash attention assumed)",
                        gib(Overhead.llamaCppComputeBytes(r.architecture())))
                : "activations and CUDA graphs 1 GiB per GPU (assumption; vLLM profiles it at start-up)";
        return "overhead: " + ctx + buffers;
    }

    private static String usableBasis(FitRequest r) {
        Hardware hw = r.hardware();
        String mem = String.format(Locale.US, "usable: %s has %.2f GiB per device", hw.id(), hw.memoryGb());
        if (hw.note() != null) mem += " (" + hw.note() + ")";
        if (!r.runtime().layerSplit()) mem += "; " + r.runtime().wire() + " takes 0.9 of it (gpu_memory_utilization default)";
        return mem + "; source " + hw.source();
    }

    private static String splitBasis(FitRequest r) {
        if (r.runtime().layerSplit()) {
            return "layer split over " + r.gpus() + " GPUs (" + r.runtime().wire() + " -sm layer, a pipeline with one micro-batch): weights and KV divide, each GPU pays its own overhead; decode is not faster because a token visits the GPUs in turn";
        }
        ParallelPlan plan = ParallelPlan.of(r);
        String s = plan.pipeline() == 1
                ? "tensor parallel over " + r.gpus() + " GPUs (" + r.runtime().wire() + "): weights divide; "
                : String.format(Locale.US, "%s over %d GPUs (%s): %d pipeline stages of %d GPUs — tensor parallel within a stage%s, stages in turn%s; weights divide; ",
                        plan.describe(), r.gpus(), r.runtime().wire(), plan.pipeline(), plan.tensor(),
                        plan.nodes() > 1 ? " (one node's " + FitConstants.GPUS_PER_NODE + " GPUs at most)" : "",
                        plan.tensor() < Math.min(r.gpus(), FitConstants.GPUS_PER_NODE)
                                ? " (" + r.architecture().attentionHeads() + " attention heads divide among at most " + plan.tensor() + " GPUs)" : "");
        s += (r.architecture().mla() != null ? "the MLA latent cache is replicated on every GPU of a stage" : "KV heads divide (replicated when fewer than GPUs)")
                + (plan.tensor() > 1 ? "; bandwidth adds up, but every layer waits for two all-reduces over " + r.hardware().interconnect().wire() : "");
        if (plan.expert()) s += "; routed experts placed whole on the GPUs (expert parallel): each MoE layer sends the token to its experts' GPUs and back (two all-to-alls)";
        if (plan.nodes() > 1) s += "; the " + plan.nodes() + " nodes are joined by pipeline hops over InfiniBand/Ethernet, not by all-reduces";
        return s;
    }

    private static String gib(long bytes) {
        return String.format(Locale.US, "%.2f GiB", bytes / (double) (1L << 30));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
