package dev.arbiter.recommend;

import dev.arbiter.catalog.Model;
import dev.arbiter.fit.ParallelPlan;
import dev.arbiter.fit.Runtime;

import java.util.Locale;

/**
 * The command that serves a recommendation as the fit assumed it: vLLM with its tensor-parallel size and context for
 * 16-bit and checkpoint formats (pipeline stages too where the fit split the GPUs into them: across nodes, or where the
 * attention heads do not divide among all of them), llama.cpp's {@code llama-server} with every layer on the GPU ({@code -ngl}) and the
 * context ({@code -c}) for GGUF, and Ollama's {@code num_ctx} for the same context. A starting point, to be checked
 * against the runtime's own documentation.
 */
public final class ServeCommand {
    private ServeCommand() {}

    /**
     * @param context tokens one sequence must hold
     * @param gpu     whether llama.cpp can offload layers here ({@code -ngl 999}); else everything stays on the CPU ({@code -ngl 0})
     */
    public static String of(Model m, FitOutcome f, long context, boolean gpu) {
        String repo = m.hfRepo() != null ? m.hfRepo() : m.id();
        String q = f.quant().toUpperCase(Locale.ROOT);
        if ("vllm".equals(f.runtime()) || (f.runtime() == null && !isGguf(q))) {
            String checkpoint = switch (q) {
                case "INT4" -> "<an AWQ/GPTQ INT4 checkpoint of " + repo + ">";
                case "INT8" -> "<an INT8 (W8A8) checkpoint of " + repo + ">";
                default -> repo;
            };
            ParallelPlan plan = ParallelPlan.of(Runtime.VLLM, f.gpus(), m.architecture());
            return String.format(Locale.US, "vllm serve %s%s --tensor-parallel-size %d%s --max-model-len %d",
                    checkpoint, q.equals("FP8") ? " --quantization fp8" : "", plan.tensor(),
                    plan.pipeline() > 1 ? " --pipeline-parallel-size " + plan.pipeline() : "", context);
        }
        if ("sglang".equals(f.runtime())) {
            ParallelPlan plan = ParallelPlan.of(Runtime.SGLANG, f.gpus(), m.architecture());
            return String.format(Locale.US, "python -m sglang.launch_server --model-path %s --tp %d%s --context-length %d%s",
                    repo, plan.tensor(), plan.pipeline() > 1 ? " --pp-size " + plan.pipeline() : "", context,
                    q.equals("FP8") ? " --quantization fp8" : "");
        }
        String file = m.id() + "-" + q + ".gguf";
        return String.format(Locale.US, "llama-server -m %s -ngl %d -c %d%s   |   Ollama: set num_ctx %d (PARAMETER num_ctx %d in the Modelfile)",
                file, gpu ? 999 : 0, context, f.gpus() > 1 ? " --split-mode layer" : "", context, context);
    }

    private static boolean isGguf(String q) { return q.startsWith("Q") || q.startsWith("IQ") || q.equals("F16"); }
}
