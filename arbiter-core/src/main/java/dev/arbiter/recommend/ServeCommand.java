package dev.arbiter.recommend;

import dev.arbiter.catalog.ContextExtension;
import dev.arbiter.catalog.Model;
import dev.arbiter.fit.ParallelPlan;
import dev.arbiter.fit.Runtime;

import java.util.Locale;

/**
 * The command that serves a recommendation as the fit assumed it: vLLM with its tensor-parallel size and context for
 * 16-bit and checkpoint formats (pipeline stages too where the fit split the GPUs into them: across nodes, or where the
 * attention heads do not divide among all of them), llama.cpp's {@code llama-server} with every layer on the GPU ({@code -ngl}) and the
 * context ({@code -c}) for GGUF, and Ollama's {@code num_ctx} for the same context. Beyond the positions a
 * checkpoint ships (Qwen2.5: 32,768) the model's {@link ContextExtension} is switched on: vLLM's
 * {@code --hf-overrides '{"rope_parameters": …}'} (docs.vllm.ai/en/stable/features/context_extension: the former
 * {@code --rope-scaling} flag is gone; vLLM builds on transformers < 5 take the same block as {@code "rope_scaling"}),
 * SGLang's {@code --json-model-override-args '{"rope_scaling": …}'} and llama.cpp's {@code --rope-scaling yarn
 * --rope-scale F --yarn-orig-ctx N} (the flags Qwen's cards give). A starting point, to be checked against the
 * runtime's own documentation. Only stacks the catalogue's {@code serving:} flags say run the model are offered: no
 * Ollama line for a model Ollama does not run, and a plain "no … command" where the chosen stack does not run it.
 */
public final class ServeCommand {
    private ServeCommand() {}

    /**
     * @param context tokens one sequence must hold
     * @param gpu     whether llama.cpp can offload layers here ({@code -ngl 999}); else everything stays on the CPU ({@code -ngl 0})
     */
    public static String of(Model m, FitOutcome f, long context, boolean gpu) {
        return of(m, f, context, gpu, false);
    }

    /**
     * As {@link #of(Model, FitOutcome, long, boolean)}; {@code images}: requests carry images, so llama-server is
     * given the model's vision projector ({@code --mmproj}, the F16 file the fit counted); vLLM and SGLang load a
     * model's vision tower by default, and Ollama its projector.
     */
    public static String of(Model m, FitOutcome f, long context, boolean gpu, boolean images) {
        String repo = m.hfRepo() != null ? m.hfRepo() : m.id();
        String q = f.quant().toUpperCase(Locale.ROOT);
        Runtime rt = f.runtime() != null ? Runtime.parse(f.runtime()) : isGguf(q) ? Runtime.LLAMA_CPP : Runtime.VLLM;
        if (!rt.runs(m.serving())) {
            // The catalogue's serving flags: a command for a stack that cannot load the model would only fail later.
            return "no " + rt.wire() + " command: the catalogue lists no " + rt.wire() + " support for " + m.id()
                    + (m.serving().note() == null ? "" : " (" + m.serving().note().strip() + ")");
        }
        if ("vllm".equals(f.runtime()) || (f.runtime() == null && !isGguf(q))) {
            String checkpoint = switch (q) {
                case "INT4" -> "<an AWQ/GPTQ INT4 checkpoint of " + repo + ">";
                case "INT8" -> "<an INT8 (W8A8) checkpoint of " + repo + ">";
                default -> repo;
            };
            ParallelPlan plan = ParallelPlan.of(Runtime.VLLM, f.gpus(), m.architecture());
            return String.format(Locale.US, "vllm serve %s%s --tensor-parallel-size %d%s%s --max-model-len %d",
                    checkpoint, q.equals("FP8") ? " --quantization fp8" : "", plan.tensor(),
                    plan.pipeline() > 1 ? " --pipeline-parallel-size " + plan.pipeline() : "", vllmExtension(m, context), context);
        }
        if ("sglang".equals(f.runtime())) {
            ParallelPlan plan = ParallelPlan.of(Runtime.SGLANG, f.gpus(), m.architecture());
            return String.format(Locale.US, "python -m sglang.launch_server --model-path %s --tp %d%s --context-length %d%s%s",
                    repo, plan.tensor(), plan.pipeline() > 1 ? " --pp-size " + plan.pipeline() : "", context,
                    q.equals("FP8") ? " --quantization fp8" : "", sglangExtension(m, context));
        }
        String file = m.id() + "-" + q + ".gguf";
        ContextExtension x = extension(m, context);
        String mmproj = images && m.hasModality("image") ? " --mmproj mmproj-" + m.id() + "-F16.gguf" : "";
        String server = String.format(Locale.US, "llama-server -m %s%s -ngl %d -c %d%s%s",
                file, mmproj, gpu ? 999 : 0, context, f.gpus() > 1 ? " --split-mode layer" : "",
                x == null ? "" : String.format(Locale.US, " --rope-scaling yarn --rope-scale %s --yarn-orig-ctx %d", num(x.factor()), x.nativeContext()));
        // Ollama only where the catalogue says it runs the model (not Qwen2.5-Math, for one).
        if (!Runtime.OLLAMA.runs(m.serving())) return server;
        return String.format(Locale.US, "%s   |   Ollama: set num_ctx %d (PARAMETER num_ctx %d in the Modelfile)%s", server, context, context,
                x == null ? "" : String.format(Locale.US, "; Ollama has no YaRN setting, so past %,d tokens use llama-server", x.nativeContext()));
    }

    /** The model's context extension when {@code context} needs it, else null. */
    private static ContextExtension extension(Model m, long context) {
        ContextExtension x = m.contextExtension();
        return x != null && x.neededFor(context) ? x : null;
    }

    private static String vllmExtension(Model m, long context) {
        ContextExtension x = extension(m, context);
        if (x == null) return "";
        return String.format(Locale.US, " --hf-overrides '{\"rope_parameters\": {\"rope_type\": \"yarn\", \"factor\": %s, \"original_max_position_embeddings\": %d, \"rope_theta\": %s}}'",
                num(x.factor()), x.nativeContext(), num(x.ropeTheta()));
    }

    private static String sglangExtension(Model m, long context) {
        ContextExtension x = extension(m, context);
        if (x == null) return "";
        return String.format(Locale.US, " --json-model-override-args '{\"rope_scaling\": {\"rope_type\": \"yarn\", \"factor\": %s, \"original_max_position_embeddings\": %d}}'",
                num(x.factor()), x.nativeContext());
    }

    /** 4.0 → "4.0", 1000000.0 → "1000000": JSON numbers as the model cards write them. */
    private static String num(double v) {
        return v == Math.rint(v) && v >= 1000 ? String.format(Locale.US, "%d", (long) v) : String.format(Locale.US, "%s", v);
    }

    private static boolean isGguf(String q) { return q.startsWith("Q") || q.startsWith("IQ") || q.equals("F16"); }
}
