package dev.arbiter.cli;

import dev.arbiter.catalog.Model;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.fit.FitCalculator;
import dev.arbiter.fit.MemoryClaims;
import dev.arbiter.fit.FitRequest;
import dev.arbiter.fit.FitResult;
import dev.arbiter.fit.Hardware;
import dev.arbiter.fit.KvType;
import dev.arbiter.fit.Quant;
import dev.arbiter.fit.Runtime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "fit", addMethodSubcommands = false, header = "Memory (weights, KV cache, overhead) and decode speed of a model on named hardware.", mixinStandardHelpOptions = true,
        description = {"Will a model fit, and how fast will it decode? Weights + KV cache + runtime overhead per device,",
                "the largest context that fits, the best quantisation that fits, partial offload, and tokens/s —",
                "every figure with the basis it rests on."},
        footer = {"", "Examples:",
                "  ./arbiter fit qwen2.5-7b --quant Q4_K_M --context 32768 --hardware rtx-4090",
                "  ./arbiter fit llama-4-scout --quant INT4 --context 65536 --hardware h100-80gb --format json",
                "  ./arbiter fit deepseek-v3 --quant FP8 --hardware h200 --gpus 8",
                "  ./arbiter fit gemma-3-27b --quant Q4_K_M --context 131072 --hardware m4-max-128gb --kv-type q8_0",
                "  ./arbiter fit qwen2.5-7b --quant F16 --memory-gb 12 --bandwidth-gbs 360 --cpu-bandwidth-gbs 80",
                "  ./arbiter hardware        (the profiles --hardware accepts)",
                "",
                "Quantisations: F16 BF16 FP8 INT8 INT4 (AWQ/GPTQ, vLLM) and Q8_0 Q6_K Q5_K_M Q4_K_M Q4_0 IQ4_XS Q3_K_M Q2_K (GGUF, llama.cpp).",
                "KV types: f16, q8_0, q4_0 (llama.cpp), fp8 (vLLM). Runtimes: llama.cpp, ollama (split by layer), vllm, sglang, tgi (tensor parallel).",
                "Sizes are GiB (2^30 bytes); bandwidth is GB/s (10^9)."})
final class FitCommand implements Callable<Integer> {
    @Mixin FormatMixin fmt;
    @Mixin CatalogMixin catalog;
    @Mixin HardwareMixin hardware;
    @Mixin StoreMixin store;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Model id (see ./arbiter models).")
    String id;

    @Option(names = "--calibrate", paramLabel = "RUN", description = "Compare the decode estimate with what bench run RUN measured.")
    String calibrate;

    @Option(names = "--quant", paramLabel = "Q", defaultValue = "Q4_K_M", description = "Weight quantisation (default: ${DEFAULT-VALUE}).")
    String quant;

    @Option(names = "--context", paramLabel = "TOKENS", converter = TokenCount.class, description = "Tokens one sequence holds, prompt + output, e.g. 32768 or 32k (default: 8192, or the model's maximum if smaller).")
    Long context;

    @Option(names = "--kv-type", paramLabel = "TYPE", defaultValue = "f16", description = "KV cache type: f16, q8_0, q4_0, fp8 (default: ${DEFAULT-VALUE}).")
    String kvType;

    @Option(names = "--runtime", paramLabel = "NAME", description = "llama.cpp, ollama, vllm, sglang or tgi (default: llama.cpp for GGUF; a tensor-parallel server for FP8/INT8/INT4 and for 16-bit weights on several data-centre GPUs: SGLang for MLA models such as DeepSeek, vLLM otherwise).")
    String runtime;

    @Option(names = "--cpu-bandwidth-gbs", paramLabel = "GB/S", description = "Peak system-RAM bandwidth in GB/s for layers offloaded to the CPU, which reaches 60%% of it (default: 76.8, dual-channel DDR5-4800).")
    Double cpuBandwidthGbs;

    @Option(names = "--kv-swa-full", description = "Sliding-window layers keep the full context too (llama.cpp --swa-full).")
    boolean swaFull;

    @Option(names = "--images", description = "Images are sent: count the vision projector (llama.cpp's mmproj file) in memory.")
    boolean images;

    @Option(names = "--expert-parallel", description = "MoE models on vLLM/SGLang: place routed experts whole on the GPUs (vLLM --enable-expert-parallel, SGLang --ep-size) instead of slicing them; at batch 1 this is slower.")
    boolean expertParallel;

    @Override
    public Integer call() {
        if (calibrate != null) return FitMeasured.calibrate(calibrate, store, catalog, fmt.isJson(), spec.commandLine().getOut());
        if (id == null) throw new InvalidInputException("fit needs a model ID (see ./arbiter models), or --calibrate RUN");
        Model m = catalog.load().get(id);
        Quant q = Quant.parse(quant);
        KvType kv = KvType.parse(kvType);
        Runtime rt = runtime == null ? null : Runtime.parse(runtime);
        Hardware hw = hardware.resolve();
        long ctx = context != null ? context : Math.min(8192, m.contextLength());
        if (context != null && context <= 0) throw new InvalidInputException("--context must be > 0 tokens, got " + context);
        FitRequest req = FitRequest.of(m.id(), m.architecture(), m.contextLength(), q, ctx, kv, hw, hardware.gpus(), rt,
                cpuBandwidthGbs, swaFull).withImages(images).withExpertParallel(expertParallel);
        FitResult r = new FitCalculator().estimate(req);
        String unsupported = req.runtime().runs(m.serving()) ? null
                : "the catalogue lists no " + req.runtime().wire() + " support for " + m.id() + ", so this setup may not load at all"
                + (m.serving().note() == null ? "" : " (" + m.serving().note().strip() + ")")
                + (runtime == null ? "; the runtime is " + req.runtime().wire() + " by default for " + q.wire() + ", try --runtime or --quant" : "");
        if (unsupported != null) spec.commandLine().getErr().println("arbiter: warning: " + unsupported);
        var measured = FitMeasured.lookup(store, m.id(), q, hw, hardware.gpus());
        PrintWriter out = spec.commandLine().getOut();
        // The article's memory claim for this model, checked at the claimed quantisation and this context.
        String claim = MemoryClaims.bundled().forModel(m.id()).map(c -> {
            FitResult at = new FitCalculator().estimate(FitRequest.of(m.id(), m.architecture(), m.contextLength(),
                    Quant.parse(c.quant()), ctx, kv, null, 1, null, cpuBandwidthGbs, swaFull));
            return c.verdict(at.totalBytes(), ctx);
        }).orElse(null);
        var batched = FitBatched.of(req, r);  // aggregate decode tokens/s by batch size (dev.arbiter.cost)
        if (fmt.isJson()) {
            var body = JsonOut.envelope("fit", r);
            batched.ifPresent(e -> FitBatched.putJson(body, e));
            FitBatched.notEstimated(r, hw).ifPresent(why -> body.putObject("batched").put("not_estimated", why));
            if (claim != null) body.put("article_claim", claim);
            if (unsupported != null) body.put("runtime_warning", unsupported);
            measured.ifPresent(e -> FitMeasured.putJson(body, e, r));
            out.println(body.toPrettyString());
            out.flush();
        } else {
            printText(out, r, hw, batched.orElse(null));
            measured.ifPresent(e -> FitMeasured.printText(out, e, r));
            if (claim != null) out.println("article: " + claim);
        }
        return ExitCode.OK;
    }

    private static void printText(PrintWriter out, FitResult r, Hardware hw, dev.arbiter.cost.ThroughputEstimate batched) {
        out.printf(Locale.US, "%s  %s  context %,d  KV %s  runtime %s%s%n", r.model(), r.quant().wire(), r.context(),
                r.kvType().wire(), r.runtime().wire(), hw == null ? "" : "  on " + r.gpus() + " × " + hw.id());
        out.printf(Locale.US, "  params      %s total, %s active%n", Text.params(r.totalParams()), Text.params(r.activeParams()));
        out.printf(Locale.US, "  weights     %s%n", gib(r.weightsBytes()));
        if (r.gguf() != null && r.gguf().projectorBytes() > 0) {
            out.printf(Locale.US, "  projector   %s (mmproj)%s%n", gib(r.gguf().projectorBytes()),
                    r.gguf().projectorCounted() ? ", counted in weights" : ", not loaded: text only (--images counts it)");
        }
        out.printf(Locale.US, "  KV cache    %s%n", gib(r.kvCacheBytes()));
        out.printf(Locale.US, "  overhead    %s%n", gib(r.overheadBytes()));
        out.printf(Locale.US, "  total       %s%n", gib(r.totalBytes()));
        if (r.fits() != null) {
            out.printf(Locale.US, "  per device  %s of %s usable → %s%n", gib(r.perGpuBytes()), gib(r.usableBytesPerGpu()),
                    r.fits() ? "FITS" : "DOES NOT FIT");
            out.printf(Locale.US, "  max context %s%n", r.maxContext() == 0 ? "none (the weights alone do not fit)" : String.format(Locale.US, "%,d tokens", r.maxContext()));
            out.printf(Locale.US, "  best quant  %s%n", r.bestQuant() == null ? "none fits at this context" : r.bestQuant().wire());
            if (r.decodeTokensPerS() != null) {
                out.printf(Locale.US, "  decode      ~%s tokens/s (one stream, %s)%n", Text.num(r.decodeTokensPerS(), 1), r.decode().parallelism());
            }
            if (batched != null) FitBatched.printText(out, batched, r.context(), r.runtime());
            FitBatched.notEstimated(r, hw).ifPresent(why -> out.println("  batched     " + why));
            if (r.prefillTokensPerS() != null) {
                out.printf(Locale.US, "  prefill     ~%s tokens/s (coarse)%n", Text.num(r.prefillTokensPerS(), 0));
            }
            if (r.offload() != null) {
                var o = r.offload();
                out.printf(Locale.US, "  offload     -ngl %d: output layer + %d blocks on GPU (%s), %d blocks on CPU (%s in system RAM) → ~%s tokens/s%n",
                        o.gpuLayers(), o.gpuBlocks(), gib(o.gpuBytes()), o.cpuLayers(), gib(o.cpuBytes()), Text.num(o.decodeTokensPerS(), 1));
            }
        }
        out.println("basis:");
        for (String b : r.basis()) out.println("  - " + b);
        if (batched != null) FitBatched.basis(out, batched);
    }

    private static String gib(long bytes) {
        return String.format(Locale.US, "%.2f GiB", bytes / (double) (1L << 30));
    }
}
