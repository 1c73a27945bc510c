package dev.arbiter.fit;

import dev.arbiter.catalog.Architecture;

/**
 * Fixed costs of one decode step that do not scale with bytes read, for one serving engine on one kind of device.
 *
 * @param stepMs     per decoded token, ms (sampling, scheduling, launch of the step)
 * @param layerUs    per decoder layer, µs (kernel chain of one layer outside its weight reads and all-reduces)
 * @param moeLayerUs per MoE layer whatever the routing, µs; 0 where the calibration resolves no such part
 * @param expertUs   per MoE layer and per routed expert a token chooses, µs (router, top-k, fused expert kernels);
 *                   0 where not modelled
 * @param what       which calibration the figures come from, for the basis
 */
record EngineCosts(double stepMs, double layerUs, double moeLayerUs, double expertUs, String what) {

    static EngineCosts of(Runtime runtime, HardwareKind kind) {
        if (runtime.layerSplit()) {
            return switch (kind) {
                case GPU, EDGE -> new EngineCosts(FitConstants.LLAMA_CPP_STEP_MS, FitConstants.LLAMA_CPP_LAYER_US, 0, 0,
                        "llama.cpp CUDA, fitted to its scoreboard and Q4_K_M rows; MoE routing not modelled");
                case APPLE -> new EngineCosts(FitConstants.LLAMA_CPP_METAL_STEP_MS, 0, 0, 0,
                        "llama.cpp Metal, fitted to Apple rows; MoE routing not modelled");
                case PHONE -> new EngineCosts(FitConstants.LLAMA_CPP_METAL_STEP_MS, 0, 0, 0,
                        "llama.cpp on a phone, fixed cost assumed equal to llama.cpp Metal's (no measurement)");
                // no kernel launches on a CPU: its fixed per-token cost is small next to the weight reads; Metal's is the closest fitted figure
                case CPU -> new EngineCosts(FitConstants.LLAMA_CPP_METAL_STEP_MS, 0, 0, 0,
                        "llama.cpp CPU backend, fixed cost assumed equal to llama.cpp Metal's (no measurement)");
            };
        }
        double expert = runtime == Runtime.SGLANG ? FitConstants.SGLANG_EXPERT_US : FitConstants.VLLM_EXPERT_US;
        String engine = switch (runtime) {
            case SGLANG -> "SGLang (routing term from DeepSeek-V3 and Llama 4 rows)";
            case TGI -> "TGI, assumed equal to vLLM (no measurement)";
            default -> "vLLM (dense terms from Llama-3/Mistral/Qwen TP rows, routing term from a DeepSeek-R1 row)";
        };
        return new EngineCosts(0, FitConstants.SERVER_LAYER_US, 0, expert, engine);
    }

    /** Routing cost of one MoE layer of {@code a}, µs: the fixed part plus one share per routed expert chosen. */
    double moeUs(Architecture a) {
        return a.moe() == null ? 0 : moeLayerUs + a.moe().activeExperts() * expertUs;
    }
}
