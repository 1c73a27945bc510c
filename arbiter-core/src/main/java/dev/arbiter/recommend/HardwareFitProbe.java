package dev.arbiter.recommend;

import dev.arbiter.catalog.Model;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.fit.FitCalculator;
import dev.arbiter.fit.FitRequest;
import dev.arbiter.fit.FitResult;
import dev.arbiter.fit.Hardware;
import dev.arbiter.fit.HardwareKind;
import dev.arbiter.fit.KvType;
import dev.arbiter.fit.MemoryClaims;
import dev.arbiter.fit.Quant;
import dev.arbiter.fit.Runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The recommender's fit check on real hardware: tries llama.cpp with GGUF quants everywhere and, on GPUs, a
 * tensor-parallel vLLM server with checkpoint formats (BF16, FP8, INT8, INT4); keeps the highest-precision
 * quantisation that fits (faster one on a tie). When nothing fits, the reason gives the memory needed at the
 * smallest quantisation.
 */
public final class HardwareFitProbe implements FitProbe {
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final FitCalculator calculator = new FitCalculator();
    private final Hardware hardware;
    private final int gpus;
    private final boolean images;

    /**
     * @param images requests carry images ({@link UseCase#sendsImages}): the vision projector is counted, as {@code fit --images} counts it
     * @throws InvalidInputException when {@code gpus} asks to pool devices that cannot be pooled (as fit and cost refuse it)
     */
    public HardwareFitProbe(Hardware hardware, int gpus, boolean images) {
        hardware.requirePoolable(gpus);
        this.hardware = hardware;
        this.gpus = gpus;
        this.images = images;
    }

    /** The last model's options: bestFit asks again for a model with none (a third of recommend's fit checks). */
    private Model lastModel;
    private long lastContext;
    private List<FitOutcome> lastOptions;

    @Override
    public synchronized List<FitOutcome> options(Model m, long context) {
        if (m != lastModel || context != lastContext) {
            lastOptions = List.copyOf(compute(m, context));
            lastModel = m;
            lastContext = context;
        }
        return lastOptions;
    }

    private List<FitOutcome> compute(Model m, long context) {
        List<FitResult> fits = new ArrayList<>();
        for (Runtime rt : runtimes(m)) {
            for (Quant q : Quant.values()) {
                // one 16-bit entry per runtime: F16 GGUF on llama.cpp, BF16 safetensors on vLLM
                if (!q.format().runsOn(rt) || q == (rt.layerSplit() ? Quant.BF16 : Quant.F16)) continue;
                estimate(m, context, rt, q).filter(r -> Boolean.TRUE.equals(r.fits())).ifPresent(fits::add);
            }
        }
        fits.sort(Comparator.comparingDouble((FitResult r) -> r.quant().bodyBits()).reversed()
                .thenComparing(r -> -(r.decodeTokensPerS() == null ? 0 : r.decodeTokensPerS())));
        List<FitOutcome> out = new ArrayList<>();
        for (FitResult r : fits) {
            out.add(new FitOutcome(true, r.quant().wire(), r.perGpuBytes() * gpus, r.usableBytesPerGpu() * gpus,
                    r.decodeTokensPerS(), String.format(Locale.US, "%s on %s%s", r.quant().wire(), r.runtime().wire(),
                    gpus > 1 ? " across " + gpus + " GPUs" : ""), r.runtime().wire(), gpus));
        }
        return out;
    }

    @Override
    public boolean speedKnown() { return hardware.speedKnown(); }

    @Override
    public FitOutcome bestFit(Model m, long context) {
        List<FitOutcome> fits = options(m, context);
        if (!fits.isEmpty()) return fits.get(0);
        String noRuntime = noRuntime(m);
        if (noRuntime != null) return new FitOutcome(false, null, 0, 0, null, noRuntime);
        // Nothing fits: report the smallest footprint on a runtime that runs the model (Q2_K on llama.cpp, with partial
        // offload when it could split; else INT4 on the server), never a llama.cpp figure for a model llama.cpp cannot run.
        Runtime rt = runtimes(m).get(0);
        Quant q = rt == Runtime.LLAMA_CPP ? Quant.Q2_K : Quant.INT4;
        Optional<FitResult> smallest = estimate(m, context, rt, q);
        if (smallest.isEmpty()) {
            return new FitOutcome(false, null, 0, 0, null, "cannot be estimated at " + context + " tokens of context");
        }
        FitResult s = smallest.get();
        String reason = String.format(Locale.US, "needs %.1f GiB per device even at %s%s with %,d tokens of context; %s offers %.1f GiB%s",
                s.perGpuBytes() / GIB, q.wire(), rt == Runtime.LLAMA_CPP ? "" : " on " + rt.wire(), context, label(), s.usableBytesPerGpu() / GIB,
                s.offload() == null ? "" : String.format(Locale.US, " (partial offload, -ngl %d: the output layer and %d of %d blocks on the GPU: ~%.1f tok/s)",
                        s.offload().gpuLayers(), s.offload().gpuBlocks(), s.offload().gpuBlocks() + s.offload().cpuLayers(), s.offload().decodeTokensPerS()));
        String claim = MemoryClaims.bundled().forModel(m.id())
                .flatMap(c -> at(m, context, Quant.parse(c.quant())).map(r -> "; " + c.verdict(r.totalBytes(), context)))
                .orElse("");
        return new FitOutcome(false, null, s.perGpuBytes() * gpus, s.usableBytesPerGpu() * gpus, null, reason + claim);
    }

    /** The memory a model needs at one quantisation (for checking an article's memory claim). */
    public Optional<FitResult> at(Model m, long context, Quant q) {
        try {
            return Optional.of(calculator.estimate(FitRequest.of(m.id(), m.architecture(), m.contextLength(), q,
                    Math.min(context, m.contextLength()), KvType.F16, null, 1, null, null, false)));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    public String label() {
        return (gpus > 1 ? gpus + "× " : "") + (hardware.id().equals("custom") ? hardware.name() : hardware.id());
    }

    @Override
    public boolean gpu() {
        // Edge boards are Jetson-class (CUDA); a board without a llama.cpp GPU backend (Raspberry Pi) is kind cpu, told -ngl 0.
        return hardware.kind() == HardwareKind.GPU || hardware.kind() == HardwareKind.APPLE || hardware.kind() == HardwareKind.EDGE;
    }

    /**
     * llama.cpp, and on GPUs the tensor-parallel server people run for this model (SGLang for MLA, DeepSeek; else
     * vLLM): those of them the catalogue says run the model ({@code serving:}), so no setup is offered on a stack that
     * cannot load it (Llama Guard 4 runs on none of them; Pixtral Large on vLLM only).
     */
    private List<Runtime> runtimes(Model m) {
        List<Runtime> candidates = hardware.kind() != HardwareKind.GPU ? List.of(Runtime.LLAMA_CPP)
                : List.of(Runtime.LLAMA_CPP, m.architecture().mla() != null ? Runtime.SGLANG : Runtime.VLLM);
        return candidates.stream().filter(rt -> rt.runs(m.serving())).toList();
    }

    /** Why no setup is offered when none of the local runtimes runs the model, else null. */
    private String noRuntime(Model m) {
        if (!runtimes(m).isEmpty()) return null;
        String tried = hardware.kind() != HardwareKind.GPU ? "llama.cpp (the runtime for " + hardware.kind().wire() + " devices)"
                : "llama.cpp or " + (m.architecture().mla() != null ? "SGLang" : "vLLM");
        String note = m.serving() == null || m.serving().note() == null ? "" : ": " + m.serving().note().strip();
        return "no runtime Arbiter can size runs it here (the catalogue lists no " + tried + " support)" + note;
    }

    private Optional<FitResult> estimate(Model m, long context, Runtime rt, Quant q) {
        try {
            FitRequest req = FitRequest.of(m.id(), m.architecture(), m.contextLength(), q, Math.min(context, m.contextLength()),
                    KvType.F16, hardware, gpus, rt, null, false).withImages(images);
            return Optional.of(calculator.estimateAtQuant(req));
        } catch (InvalidInputException e) {
            return Optional.empty();  // combination the runtime cannot serve (e.g. heads not divisible by --gpus)
        }
    }
}
