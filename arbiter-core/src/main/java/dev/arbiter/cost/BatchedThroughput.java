package dev.arbiter.cost;

import dev.arbiter.catalog.Architecture;
import dev.arbiter.catalog.ParamCount;
import dev.arbiter.catalog.ParamCounter;
import dev.arbiter.fit.DecodeEstimate;
import dev.arbiter.fit.FitCalculator;
import dev.arbiter.fit.FitRequest;
import dev.arbiter.fit.FitResult;
import dev.arbiter.fit.Hardware;
import dev.arbiter.fit.KvCache;
import dev.arbiter.fit.ParallelPlan;
import dev.arbiter.fit.Runtime;
import dev.arbiter.util.LazyList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decode time per step as a function of batch size, built on fit's single-stream model (its bandwidth efficiency,
 * engine costs and all-reduces are reused, not re-fitted):
 * <pre>
 *   step(B) = max(memory(B), compute(B)) + engine fixed costs + all-reduces(B) + MoE layer costs
 *   memory(B)  = (weights read once per step + experts the batch touches + B × one sequence's KV) / (η × bandwidth)
 *   compute(B) = B × (2 × active params + 4 × layers × heads × head_dim × context) FLOPs / (GPUs × peak × MFU)
 *   tokens/s(B) = B × 1000 / step(B)
 * </pre>
 * and, with a workload of I prompt and O output tokens per request at concurrency C (closed loop),
 * <pre>
 *   output tokens/s(C) = C × O / (O × step(C) + C × I × prefill time per token)
 * </pre>
 * i.e. prefill stalls decode (no overlap credited to chunked prefill). The largest batch is what the KV cache left
 * after weights and overhead holds at the workload's final length, capped at vLLM's default max_num_seqs (256).
 * Stateless once built.
 */
public final class BatchedThroughput {
    /**
     * Fraction of dense BF16/FP16 peak that batched decode and prefill GEMMs reach. Fitted to the compute-bound rows of
     * src/test/resources/cost/throughput-calibration.yaml (Qwen3-32B on 2×A6000 at concurrency 64–256): 0.35.
     * Prefill of a lone prompt in fit uses 0.5 ({@code FitConstants.PREFILL_MFU}); serving mixes shapes and pays less.
     */
    public static final double SERVING_MFU = 0.35;
    /**
     * vLLM's default {@code max_num_seqs} (256), and llama.cpp's hard limit on parallel sequences ({@code LLAMA_MAX_SEQ}
     * 256 in src/llama-cparams.h: {@code --parallel}/{@code n_seq_max} cannot exceed it); SGLang sizes its batch by
     * memory, which the KV cap already bounds.
     */
    public static final int ENGINE_MAX_SEQS = 256;

    /** What {@link #ENGINE_MAX_SEQS} is on this runtime, for the labels of a batch capped by the engine. */
    public static String engineCap(Runtime runtime) {
        return switch (runtime) {
            case LLAMA_CPP, OLLAMA -> "llama.cpp's limit of " + ENGINE_MAX_SEQS + " parallel sequences (--parallel / n_seq_max; LLAMA_MAX_SEQ)";
            case SGLANG -> ENGINE_MAX_SEQS + " sequences (vLLM's default max_num_seqs, assumed; SGLang sizes its batch by memory)";
            case VLLM, TGI -> "vLLM's default max_num_seqs " + ENGINE_MAX_SEQS;
        };
    }

    /**
     * Why batched decode is not estimated on this hardware, or null when it is: a CPU without a TFLOPS figure turns
     * compute-bound within a few sequences, so the memory-bound step alone would overstate every batch past 1.
     */
    public static String notEstimated(Hardware hw) {
        if (hw == null || hw.kind() != dev.arbiter.fit.HardwareKind.CPU || hw.bf16Tflops() != null) return null;
        return "batched decode is not estimated on " + hw.id() + ": a CPU is compute-bound within a few sequences and "
                + "the profile gives no TFLOPS figure to model it (single-stream decode is memory-bound and shown)";
    }
    /** The batch sizes every estimate reports (plus the largest that fits). */
    public static final int[] BATCHES = {1, 8, 32, 64};

    private final FitRequest request;
    private final Workload workload;
    private final DecodeEstimate single;
    private final double weightsReadBytes;
    private final double kvReadBytesPerSeq;
    private final double routedBytes;
    private final double activeRoutedShare;
    private final double flopsPerToken;
    private final double prefillFlopsPerToken;
    private final int parallel;
    private final int maxBatch;
    private final String maxBatchLimit;
    private final double kvHeldBytesPerSeq;
    private final double freeBytes;

    private BatchedThroughput(FitRequest request, Workload workload, FitResult atAverage, FitResult atEnd) {
        this.request = request;
        this.workload = workload;
        this.single = atAverage.decode();
        Architecture a = request.architecture();
        ParamCount p = ParamCounter.count(a);
        int n = request.gpus();
        boolean split = request.runtime().layerSplit();
        this.parallel = split ? 1 : n;
        this.kvReadBytesPerSeq = kvRead(request, atAverage.context());
        this.weightsReadBytes = single.bytesPerDevice() - kvReadBytesPerSeq;
        if (a.moe() != null && p.routedExperts() > 0) {
            // a GGUF file's expert tensors as summed for its memory; checkpoints at the body precision
            this.routedBytes = atAverage.gguf() != null ? atAverage.gguf().routedExpertBytes()
                    : p.routedExperts() * request.quant().bodyBits() / 8 / parallel;
            this.activeRoutedShare = (double) a.moe().activeExperts() / a.moe().experts();
        } else {
            this.routedBytes = 0;
            this.activeRoutedShare = 0;
        }
        double attnWidth = a.mla() != null ? a.hiddenSize() : (double) a.attentionHeads() * a.headDim();
        this.flopsPerToken = 2.0 * p.active() + 4.0 * a.layers() * attnWidth * workload.averageContext();
        this.prefillFlopsPerToken = 2.0 * p.active() + 4.0 * a.layers() * attnWidth * Math.max(1, workload.inputTokens() / 2.0);
        // per device: what the KV cache may use once weights and overhead are in; one sequence holds its final length
        this.kvHeldBytesPerSeq = kvHeld(request, atEnd.context());
        this.freeBytes = atEnd.usableBytesPerGpu() - (atEnd.perGpuBytes() - kvHeldBytesPerSeq);
        int byKv = (int) Math.max(1, Math.floor(freeBytes / kvHeldBytesPerSeq));
        this.maxBatch = Math.min(byKv, ENGINE_MAX_SEQS);
        this.maxBatchLimit = byKv > ENGINE_MAX_SEQS ? "engine" : "kv_cache";
    }

    /**
     * The batched model for a request that fits resident on its hardware; empty (with the reason) when the model
     * does not fit at the workload's final length, is offloaded, or the hardware's bandwidth is unknown.
     */
    public static Result of(FitRequest base, Workload w) {
        FitCalculator calc = new FitCalculator();
        long end = Math.min(w.finalContext(), base.contextLength());
        long avg = Math.min(w.averageContext(), end);
        // at the request's quantisation only: neither fit's largest-context nor its best-quant search is read here
        FitResult atEnd = calc.estimateAtQuant(withContext(base, end));
        if (atEnd.fits() == null || base.hardware() == null || !base.hardware().speedKnown()) {
            return new Result(null, "the hardware's memory bandwidth is unknown: no speed, so no throughput");
        }
        String cpu = notEstimated(base.hardware());
        if (cpu != null) return new Result(null, cpu);
        if (!atEnd.fits()) {
            return new Result(null, String.format(Locale.US, "does not fit at %,d tokens per sequence on %d × %s (%s of %s usable per device)",
                    end, base.gpus(), base.hardware().id(), gib(atEnd.perGpuBytes()), gib(atEnd.usableBytesPerGpu())));
        }
        FitResult atAvg = calc.estimateAtQuant(withContext(base, avg));
        return new Result(new BatchedThroughput(base, w, atAvg, atEnd), null);
    }

    /** The model, or why there is none. */
    public record Result(BatchedThroughput model, String reason) {
        public Optional<BatchedThroughput> get() { return Optional.ofNullable(model); }
    }

    public int maxBatch() { return maxBatch; }

    public Workload workload() { return workload; }

    public FitRequest request() { return request; }

    /** Single-stream decode at the workload's average context (fit's estimate). */
    public DecodeEstimate singleStream() { return single; }

    /** Weight and KV bytes read per step on the busiest device. */
    double memoryMs(int b) {
        double touched = routedBytes == 0 ? 0 : routedBytes * (1 - Math.pow(1 - activeRoutedShare, b) - activeRoutedShare);
        double bytes = weightsReadBytes + touched + b * kvReadBytesPerSeq;
        return bytes / (single.efficiency() * single.bandwidthGbs() * 1e9) * 1000;
    }

    /** Compute time of one step, ms; 0 when the hardware publishes no TFLOPS figure (the knee is then unknown). */
    double computeMs(int b) {
        Double tflops = request.hardware().bf16Tflops();
        if (tflops == null) return 0;
        return b * flopsPerToken / parallel / (tflops * 1e12 * SERVING_MFU) * 1000;
    }

    /** All-reduces grow with the batch: each carries batch × hidden BF16 values. */
    double communicationMs(int b) {
        if (single.allReduces() == 0) return single.communicationMs();
        Hardware hw = request.hardware();
        int n = request.gpus();
        double extraBytes = (b - 1) * 2.0 * request.architecture().hiddenSize();
        return single.communicationMs() + single.allReduces() * 2.0 * (n - 1) / n * extraBytes / (hw.linkGbs() * 1e9) * 1000;
    }

    public double stepMs(int b) {
        if (b < 1) throw new IllegalArgumentException("batch must be >= 1, got " + b);
        return Math.max(memoryMs(b), computeMs(b)) + single.fixedMs() + single.moeMs() + single.cpuMs() + communicationMs(b);
    }

    public BatchPoint point(int b) {
        double step = stepMs(b);
        return new BatchPoint(b, step, b * 1000.0 / step, 1000.0 / step, computeMs(b) > memoryMs(b) ? "compute" : "memory");
    }

    /** GPU time of one prompt token, ms, or null when the hardware publishes no TFLOPS figure. */
    public Double prefillMsPerToken() {
        Double tflops = request.hardware().bf16Tflops();
        return tflops == null ? null : prefillFlopsPerToken / parallel / (tflops * 1e12 * SERVING_MFU) * 1000;
    }

    /** Output tokens/s with {@code concurrency} requests in flight (capped at the largest batch), prefill included. */
    public double outputTokensPerS(int concurrency) {
        int c = Math.min(concurrency, maxBatch);
        double o = workload.outputTokens();
        Double pf = prefillMsPerToken();
        double ms = o * stepMs(c) + (pf == null ? 0 : c * workload.inputTokens() * pf);
        return c * o * 1000 / ms;
    }

    public ThroughputEstimate estimate(int concurrency) {
        List<BatchPoint> points = new ArrayList<>();
        for (int b : BATCHES) if (b < maxBatch) points.add(point(b));
        points.add(point(maxBatch));
        int c = Math.min(concurrency, maxBatch);
        return new ThroughputEstimate(points, maxBatch, maxBatchLimit, c, outputTokensPerS(c), prefillMsPerToken(),
                stepMs(c) / c, LazyList.of(() -> basis(concurrency)));
    }

    private List<String> basis(int concurrency) {
        Hardware hw = request.hardware();
        List<String> b = new ArrayList<>();
        b.add(String.format(Locale.US, "batched decode: step(B) = max(memory, compute) + engine %.2f ms + all-reduces + MoE layers %.2f ms; memory = "
                        + "(%s of weights read once per step%s + B × %s of one sequence's KV at %,d tokens%s) / (%.2f × %.0f GB/s); compute = B × %.1f GFLOPs per token / "
                        + "(%d × %s TFLOPS × MFU %.2f)%s; tokens/s = B × 1000 / step",
                single.fixedMs(), single.moeMs(), gib((long) weightsReadBytes),
                routedBytes > 0 ? String.format(Locale.US, ", plus the routed experts a batch of B touches: %s × (1 − (1 − %.4f)^B)", gib((long) routedBytes), activeRoutedShare) : "",
                mib(kvReadBytesPerSeq), workload.averageContext(), pipelineRead(), single.efficiency(), single.bandwidthGbs(), flopsPerToken / 1e9, parallel,
                hw.bf16Tflops() == null ? "?" : String.format(Locale.US, "%.1f", hw.bf16Tflops()), SERVING_MFU,
                hw.bf16Tflops() == null ? " — no TFLOPS figure for " + hw.id() + ": the compute knee is not modelled and speeds past it are overstated" : ""));
        b.add(String.format(Locale.US, "largest batch: %,d sequences of %,d tokens (%s of KV each per device) in the %s free after weights and overhead%s",
                maxBatch, workload.finalContext(), mib(kvHeldBytesPerSeq), gib((long) freeBytes),
                maxBatchLimit.equals("engine") ? ", capped at " + engineCap(request.runtime()) : ""));
        Double pf = prefillMsPerToken();
        b.add(String.format(Locale.US, "serving at concurrency %d%s: %,d prompt + %,d output tokens per request; output tokens/s = C × O / (O × step(C) + C × I × %s) — "
                        + "prefill at %s stalls decode (chunked prefill's overlap not credited); every request in flight is decoding (a closed loop at steady state)",
                Math.min(concurrency, maxBatch), concurrency > maxBatch ? " (asked " + concurrency + "; the rest wait in the queue)" : "",
                workload.inputTokens(), workload.outputTokens(), pf == null ? "0 (no TFLOPS figure: prefill not costed)" : String.format(Locale.US, "%.4f ms per prompt token", pf),
                String.format(Locale.US, "MFU %.2f of dense BF16", SERVING_MFU)));
        b.add("throughput model held to published vLLM/SGLang serving runs within ±25 % (src/test/resources/cost/throughput-calibration.yaml); "
                + "speculative decoding, prefix caching and FP8 KV are not modelled");
        return b;
    }

    /** How a pipeline's KV read adds up, for the basis; empty without pipeline stages. */
    private String pipelineRead() {
        int stages = ParallelPlan.of(request).pipeline();
        if (request.runtime().layerSplit() || stages == 1) return "";
        return String.format(Locale.US, ", read %s a stage on each of %d stages in turn", mib(kvReadBytesPerSeq / stages), stages);
    }

    /** {@code r} at {@code context} tokens: every other choice kept (it dropped --expert-parallel once). */
    static FitRequest withContext(FitRequest r, long context) {
        return r.withContext(context);
    }

    /**
     * KV bytes one sequence adds to a step's reads, summed as fit's decode sums them: llama.cpp visits every layer in
     * turn; a server's pipeline stages run one after another, each reading its stage's share on one tensor group, so
     * the busiest device of each stage reads {@link #kvHeld} and the stages add up.
     */
    static double kvRead(FitRequest r, long context) {
        long kv = KvCache.bytes(r.architecture(), context, r.kvType(), r.runtime(), r.swaFull());
        if (r.runtime().layerSplit() || r.gpus() == 1) return kv;
        return (double) KvCache.perDevice(r, kv) * ParallelPlan.of(r).pipeline();
    }

    /** KV bytes one sequence holds on the fullest device: its stage's layers, its share of their heads (as fit's memory counts them). */
    static double kvHeld(FitRequest r, long context) {
        return KvCache.perDevice(r, KvCache.bytes(r.architecture(), context, r.kvType(), r.runtime(), r.swaFull()));
    }

    private static String gib(long bytes) {
        return String.format(Locale.US, "%.2f GiB", bytes / (double) (1L << 30));
    }

    private static String mib(double bytes) {
        return String.format(Locale.US, "%.1f MiB", bytes / (1L << 20));
    }
}
