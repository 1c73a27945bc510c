package dev.arbiter.fit;

import dev.arbiter.catalog.Architecture;
import dev.arbiter.error.InvalidInputException;

import java.util.Locale;

/**
 * What to estimate. Built by {@link #of}, which picks a runtime when none is given and rejects combinations
 * that do not exist (an AWQ checkpoint on llama.cpp, q8_0 KV on vLLM, two pooled MacBooks).
 *
 * @param modelId          catalogue id, for messages
 * @param architecture     the model's decoder
 * @param contextLength    the model's maximum context in tokens (caps {@code context} and max_context)
 * @param quant            weight precision
 * @param context          tokens of one sequence (prompt + output) the KV cache must hold
 * @param kvType           cache element type
 * @param hardware         the device, or null to size memory only
 * @param gpus             devices of that profile (1 unless the profile is a pool-able GPU)
 * @param runtime          serving stack
 * @param cpuBandwidthGbs  system-RAM bandwidth for layers left on the CPU, GB/s
 * @param swaFull          hold the full context in sliding-window layers too (llama.cpp {@code --swa-full})
 * @param images           images are sent: llama.cpp loads the vision projector (mmproj) file too
 * @param expertParallel   a tensor-parallel server places MoE routed experts whole on the GPUs (vLLM
 *                         {@code --enable-expert-parallel}, SGLang {@code --ep-size}) instead of slicing them
 */
public record FitRequest(String modelId, Architecture architecture, long contextLength, Quant quant, long context,
                         KvType kvType, Hardware hardware, int gpus, Runtime runtime, double cpuBandwidthGbs,
                         boolean swaFull, boolean images, boolean expertParallel) {
    public FitRequest {
        if (architecture == null) throw new IllegalArgumentException("architecture is required");
        if (quant == null || kvType == null || runtime == null) throw new IllegalArgumentException("quant, kv type and runtime are required");
        if (context <= 0) throw new InvalidInputException("context must be > 0 tokens, got " + context);
        if (context > contextLength) {
            throw new InvalidInputException(String.format(Locale.US, "context %d exceeds %s's context length of %d tokens",
                    context, modelId, contextLength));
        }
        if (gpus < 1) throw new InvalidInputException("--gpus must be >= 1, got " + gpus);
        if (!(cpuBandwidthGbs > 0)) throw new InvalidInputException("cpu bandwidth must be > 0 GB/s, got " + cpuBandwidthGbs);
        if (!quant.format().runsOn(runtime)) {
            throw new InvalidInputException(quant.format() == QuantFormat.GGUF
                    ? quant.wire() + " is a GGUF quantisation; " + runtime.wire() + " serves safetensors checkpoints (use FP8, INT8, INT4 or BF16, or --runtime llama.cpp)"
                    : quant.wire() + " is a safetensors checkpoint format; " + runtime.wire() + " runs GGUF (use e.g. Q4_K_M, Q8_0 or F16, or --runtime vllm)");
        }
        if (!kvType.supportedBy(runtime)) {
            throw new InvalidInputException("KV cache type " + kvType.wire() + " is not available in " + runtime.wire()
                    + (runtime.layerSplit() ? " (use f16, q8_0 or q4_0)" : " (use f16 or fp8)"));
        }
        if (hardware != null) {
            hardware.requirePoolable(gpus);
            if (!runtime.layerSplit() && hardware.kind() != HardwareKind.GPU) {
                throw new InvalidInputException(runtime.wire() + " needs CUDA/ROCm GPUs; " + hardware.id()
                        + " is " + hardware.kind().wire() + " hardware (use --runtime llama.cpp with a GGUF quant)");
            }
            ParallelPlan plan = ParallelPlan.of(runtime, gpus, architecture, expertParallel);
            if (plan.pipeline() > architecture.layers()) {
                throw new InvalidInputException(String.format(Locale.US,
                        "%d GPUs would need %d pipeline stages (the attention heads, %d, divide among at most %d of them), more than the model's %d layers",
                        gpus, plan.pipeline(), architecture.attentionHeads(), plan.tensor(), architecture.layers()));
            }
        } else if (gpus > 1) {
            throw new InvalidInputException("--gpus needs --hardware (or --memory-gb and --bandwidth-gbs)");
        }
        if (expertParallel) {
            if (architecture.moe() == null) throw new InvalidInputException("expert parallelism needs a mixture-of-experts model; " + modelId + " is dense");
            if (gpus < 2) throw new InvalidInputException("expert parallelism needs several GPUs (--gpus 2 or more)");
            if (runtime.layerSplit()) {
                throw new InvalidInputException("expert parallelism is a tensor-parallel server's option (vLLM, SGLang); " + runtime.wire() + " splits by layer");
            }
        }
    }

    /** The request without expert parallelism (the form every caller used before it existed). */
    public FitRequest(String modelId, Architecture architecture, long contextLength, Quant quant, long context,
                      KvType kvType, Hardware hardware, int gpus, Runtime runtime, double cpuBandwidthGbs,
                      boolean swaFull, boolean images) {
        this(modelId, architecture, contextLength, quant, context, kvType, hardware, gpus, runtime, cpuBandwidthGbs, swaFull, images, false);
    }

    /** A request with the runtime chosen from the quant and hardware when {@code runtime} is null. */
    public static FitRequest of(String modelId, Architecture a, long contextLength, Quant quant, long context, KvType kvType,
                                Hardware hardware, int gpus, Runtime runtime, Double cpuBandwidthGbs, boolean swaFull) {
        Runtime r = runtime != null ? runtime : defaultRuntime(quant, a, hardware, gpus);
        double cpu = cpuBandwidthGbs != null ? cpuBandwidthGbs : FitConstants.DEFAULT_CPU_BANDWIDTH_GBS;
        return new FitRequest(modelId, a, contextLength, quant, context, kvType, hardware, gpus, r, cpu, swaFull, false);
    }

    /** The same request with images sent or not (whether llama.cpp loads the model's mmproj file). */
    public FitRequest withImages(boolean images) {
        return new FitRequest(modelId, architecture, contextLength, quant, context, kvType, hardware, gpus, runtime, cpuBandwidthGbs, swaFull, images, expertParallel);
    }

    /** The same request at another context length in tokens, every other choice kept. */
    public FitRequest withContext(long context) {
        return new FitRequest(modelId, architecture, contextLength, quant, context, kvType, hardware, gpus, runtime, cpuBandwidthGbs, swaFull, images, expertParallel);
    }

    /** The same request with MoE experts placed whole per GPU (expert parallel) or sliced with the rest (tensor parallel). */
    public FitRequest withExpertParallel(boolean expertParallel) {
        return new FitRequest(modelId, architecture, contextLength, quant, context, kvType, hardware, gpus, runtime, cpuBandwidthGbs, swaFull, images, expertParallel);
    }

    /**
     * What people run: GGUF → llama.cpp (every kind of device, can offload layers); checkpoint formats (FP8, INT8,
     * INT4) → a tensor-parallel server; 16-bit weights on several data-centre GPUs → a tensor-parallel server too,
     * and on one GPU or consumer cards → llama.cpp. The server is SGLang for MLA models (DeepSeek lists SGLang first
     * among its recommended engines and SGLang ships MLA-specific kernels) and vLLM otherwise.
     */
    public static Runtime defaultRuntime(Quant quant, Architecture a, Hardware hardware, int gpus) {
        boolean server = quant.format() == QuantFormat.CHECKPOINT
                || (quant.format() == QuantFormat.BOTH && hardware != null && hardware.kind() == HardwareKind.GPU
                    && hardware.datacenter() && gpus > 1);
        if (!server) return Runtime.LLAMA_CPP;
        return a != null && a.mla() != null ? Runtime.SGLANG : Runtime.VLLM;
    }

    /** {@link #defaultRuntime(Quant, Architecture, Hardware, int)} without hardware: checkpoint formats → vLLM, else llama.cpp. */
    public static Runtime defaultRuntime(Quant quant) {
        return defaultRuntime(quant, null, null, 1);
    }

    /** Why {@link #runtime} is what it is, for the basis. */
    String runtimeBasis() {
        Runtime chosen = defaultRuntime(quant, architecture, hardware, gpus);
        if (chosen != runtime) return "runtime: " + runtime.wire() + " (as requested)";
        String why = switch (quant.format()) {
            case GGUF -> "GGUF files run on llama.cpp";
            case CHECKPOINT -> quant.wire() + " checkpoints are served by tensor-parallel servers";
            case BOTH -> runtime.layerSplit()
                    ? "16-bit weights on " + (hardware == null ? "unspecified hardware" : gpus > 1 ? "consumer GPUs" : "one device") + " run on llama.cpp"
                    : "16-bit weights on several data-centre GPUs are served tensor-parallel";
        };
        if (!runtime.layerSplit() && architecture.mla() != null) why += "; SGLang for MLA models (DeepSeek's recommended engine)";
        return "runtime: " + runtime.wire() + " (default: " + why + "; --runtime to change)";
    }

    /** The same request with another quant and context (for best-quant and max-context searches). */
    FitRequest with(Quant q, long ctx) {
        return new FitRequest(modelId, architecture, contextLength, q, ctx, kvType, hardware, gpus, runtime, cpuBandwidthGbs, swaFull, images, expertParallel);
    }
}
