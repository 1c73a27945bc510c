package dev.arbiter.fit;

/**
 * Fixed costs of one decode step that do not scale with bytes read, for one serving engine on one kind of device.
 *
 * @param stepMs     per decoded token, ms (sampling, scheduling, launch of the step)
 * @param layerUs    per decoder layer, µs (kernel chain of one layer outside its weight reads and all-reduces)
 * @param moeLayerUs extra per MoE layer, µs (router, top-k, fused expert kernels); 0 where not modelled
 * @param what       which calibration the figures come from, for the basis
 */
record EngineCosts(double stepMs, double layerUs, double moeLayerUs, String what) {

    static EngineCosts of(Runtime runtime, HardwareKind kind) {
        if (runtime.layerSplit()) {
            return switch (kind) {
                case GPU, EDGE -> new EngineCosts(FitConstants.LLAMA_CPP_STEP_MS, FitConstants.LLAMA_CPP_LAYER_US, 0,
                        "llama.cpp CUDA, fitted to its scoreboard and Q4_K_M rows; MoE routing not modelled");
                case APPLE -> new EngineCosts(FitConstants.LLAMA_CPP_METAL_STEP_MS, 0, 0,
                        "llama.cpp Metal, fitted to Apple rows; MoE routing not modelled");
                case PHONE, CPU -> new EngineCosts(FitConstants.LLAMA_CPP_METAL_STEP_MS, 0, 0,
                        "assumed equal to llama.cpp Metal (no measurement)");
            };
        }
        double moe = runtime == Runtime.SGLANG ? FitConstants.SGLANG_MOE_LAYER_US : FitConstants.VLLM_MOE_LAYER_US;
        String engine = switch (runtime) {
            case SGLANG -> "SGLang (MoE term from DeepSeek-V3 rows)";
            case TGI -> "TGI, assumed equal to vLLM (no measurement)";
            default -> "vLLM (dense terms from Llama-3/Mistral/Qwen TP rows, MoE term from a DeepSeek-R1 row)";
        };
        return new EngineCosts(0, FitConstants.SERVER_LAYER_US, moe, engine);
    }
}
