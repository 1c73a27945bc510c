package dev.arbiter.fit;

/**
 * Every constant the fit estimate rests on, with where it comes from. Each is repeated in the result's
 * {@code basis} strings so a reader of the output can check it without reading this file.
 */
public final class FitConstants {
    private FitConstants() {}

    /*
     * Decode speed constants. Single-stream decode time per token is modelled as
     *   bytes read on the busiest device / (efficiency × peak bandwidth)      weight and KV reads
     *   + per-token and per-layer fixed costs of the engine                     kernel launches, sampling, scheduling
     *   + all-reduces (tensor parallel) or hops between GPUs (layer split)      communication
     *   + a per-MoE-layer cost on tensor-parallel servers                       routing, top-k, fused expert kernels
     * Every constant below was fitted to, or checked against, the published measurements listed in
     * src/test/resources/fit/speed-calibration.yaml (each row with its URL); SpeedCalibrationTest holds the
     * estimates to them. Constants that no row measures are marked as assumptions.
     */

    /**
     * Fraction of peak bandwidth that decode's weight reads reach on GPUs. Fitted together with the llama.cpp fixed
     * costs below to the CUDA rows of the calibration (llama.cpp's CUDA scoreboard, github.com/ggml-org/llama.cpp/
     * discussions/15013, and Llama-3-8B Q4_K_M rows on ten GeForce/RTX cards): 0.888, rounded to 0.88. The
     * tensor-parallel vLLM rows (Llama-3-70B on 2/4/8 H100) fit 0.878 independently.
     */
    public static final double GPU_DECODE_EFFICIENCY = 0.88;

    /** Apple Silicon under llama.cpp's Metal backend, fitted to the Apple rows (M1/M1 Max/M2 Ultra/M3 Max/M4 Max): 0.65. */
    public static final double APPLE_DECODE_EFFICIENCY = 0.65;

    /**
     * Jetson-class boards: Jetson AGX Orin 64GB does 33.6 t/s on Llama-2 7B Q4_0 (discussions/15013); with the CUDA
     * fixed cost that is 0.68 of its 204.8 GB/s. Also used for other boards (no measurement of ours).
     */
    public static final double EDGE_DECODE_EFFICIENCY = 0.68;

    /** Phones and CPUs: no measurement of ours to cite; an assumption below the Apple figure. */
    public static final double OTHER_DECODE_EFFICIENCY = 0.5;

    /**
     * Fraction of peak system-RAM bandwidth the CPU reaches on the layers left there by a partial offload. Fitted to
     * three llama.cpp partial-offload rows on an RTX 2080 + quad-channel DDR4-2933 host (llmfit PR #774): 0.6.
     */
    public static final double CPU_DECODE_EFFICIENCY = 0.6;

    /**
     * llama.cpp's fixed cost per decoded token on CUDA GPUs (and boards), ms, plus a cost per layer (µs): fitted to
     * the CUDA rows (see {@link #GPU_DECODE_EFFICIENCY}): 1.28 ms + 23 µs × layers, i.e. about 2 ms for a 32-layer
     * model. It is why a 0.5B model decodes at hundreds, not thousands, of tokens per second.
     */
    public static final double LLAMA_CPP_STEP_MS = 1.28;
    public static final double LLAMA_CPP_LAYER_US = 23.0;

    /** llama.cpp on Metal (Apple), fitted to the Apple rows: 3.25 ms per token, no per-layer term resolved. Also used for phones and CPUs (assumption). */
    public static final double LLAMA_CPP_METAL_STEP_MS = 3.25;

    /** llama.cpp's split by layer over several GPUs: each extra GPU on a token's path adds a copy and a sync, fitted to Llama-3-8B/70B rows on 1–8 RTX 3090/4090 (XiongjieDai/GPU-Benchmarks-on-LLM-Inference): 0.2 ms. */
    public static final double LAYER_SPLIT_HOP_MS = 0.2;

    /** GPUs in one NVLink/NVSwitch domain (an HGX/DGX node); the all-reduce figures hold within it. */
    public static final int GPUS_PER_NODE = 8;

    /**
     * Tensor-parallel servers (vLLM, SGLang, TGI) per decoder layer, µs, outside its two all-reduces: fitted to the
     * dense vLLM rows (Llama-3-70B BF16 on 2/4/8 H100, Mistral Large 2 on 4/8 H100, Qwen2.5-72B on 2 H100).
     */
    public static final double SERVER_LAYER_US = 48.0;

    /**
     * MoE routing at batch 1 on tensor-parallel servers, µs per routed expert a token chooses, per MoE layer: the
     * router, top-k and the fused expert kernels cost about the same for each expert chosen (top-1 Llama 4 vs top-8
     * DeepSeek). SGLang: 45 µs, fitted to DeepSeek-V3 FP8 on 8×H200 (sglang PR #2643: 30.29 tok/s; PR #3582: 77
     * tok/s with MTP at 1.76× → 43.8; 8 experts → 360 µs a layer) and checked on Llama 4 BF16 on 8×MI300X
     * (sgl-cookbook Llama4.md, SGLang 0.5.9: Scout 7.40 ms and Maverick 5.96 ms per token, 1 expert → 35–48 µs a
     * layer) and DeepSeek-V3.1 FP8 on 8×MI300X (sgl-cookbook, SGLang 0.5.7: 23.90 ms). Not covered: Blackwell with
     * 2026 kernels, where the same cookbook's DeepSeek-R1-0528 on 8×B200 runs at 9.15 ms — several times less per
     * expert than this constant; B200 is not a hardware profile. vLLM: 21 µs, fitted to DeepSeek-R1-0528 AWQ on 8×H100 (tenstorrent/tt-inference-server #356:
     * 62.1 tok/s). The DeepSeek rows also carry its MLA attention kernels, which no row separates from routing:
     * treat MoE estimates as ±35 % at best.
     */
    public static final double SGLANG_EXPERT_US = 45.0;
    public static final double VLLM_EXPERT_US = 21.0;

    /** @deprecated kept for callers of the former per-layer constant: {@link #SGLANG_EXPERT_US} × DeepSeek's 8 experts. */
    @Deprecated
    public static final double SGLANG_MOE_LAYER_US = 8 * SGLANG_EXPERT_US;
    /** @deprecated kept for callers of the former per-layer constant: {@link #VLLM_EXPERT_US} × DeepSeek's 8 experts. */
    @Deprecated
    public static final double VLLM_MOE_LAYER_US = 8 * VLLM_EXPERT_US;

    /**
     * Expert parallelism replaces each MoE layer's all-reduce by a dispatch and a combine all-to-all (DeepEP
     * README). At batch 1 both carry one token's hidden state, so, like an all-reduce, they cost their latency; we
     * charge each the profile's all-reduce latency. An assumption: DeepEP's published low-latency kernels are
     * measured at 128 tokens (77 µs dispatch, 114 µs combine at EP 8 over RDMA), and no batch-1 EP row was found.
     */
    public static final double ALL_TO_ALL_PER_ALL_REDUCE = 1.0;

    /**
     * A pipeline stage boundary on a tensor-parallel server: the hidden state is sent to the next stage's GPUs and
     * that stage's step starts, ms per hop. An assumption taken from llama.cpp's fitted hop
     * ({@link #LAYER_SPLIT_HOP_MS}); no published batch-1 pipeline-parallel measurement of vLLM or SGLang was found.
     * A hop between nodes adds the network's latency ({@link #INTER_NODE_HOP_MS}).
     */
    public static final double PIPELINE_HOP_MS = 0.2;

    /** Extra for a pipeline hop that leaves the node (InfiniBand/RoCE send and receive with GPUDirect RDMA), ms: an assumption. */
    public static final double INTER_NODE_HOP_MS = 0.05;

    /**
     * Prefill model-FLOPs utilisation against the dense BF16 figure. A coarse constant: llama.cpp's pp512 in
     * discussions/15013 corresponds to 0.15 (H100) – 0.23 (A100) of BF16 peak, and to ≈1.0 on GeForce cards whose
     * published BF16 figure uses FP32 accumulation while llama.cpp uses FP16/INT8 paths. Treat prefill as ±3×.
     */
    public static final double PREFILL_MFU = 0.5;

    /**
     * CUDA/ROCm context per process and GPU: "~300 MB" with lazy module loading (pytorch/pytorch#107667),
     * 300–400 MB (pytorch/pytorch#20532). We take 400 MiB.
     */
    public static final long GPU_CONTEXT_BYTES = 400L << 20;

    /** llama.cpp's default micro-batch ({@code -ub 512}); its compute buffer and SWA cache are sized by it. */
    public static final int LLAMA_CPP_UBATCH = 512;

    /**
     * vLLM's default {@code gpu_memory_utilization} (0.9 of device memory: docs.vllm.ai engine args;
     * docs.anyscale.com/llm/batch-inference/resource-allocation/gpu-memory). SGLang and TGI reserve similar
     * fractions by default; we apply the same figure to them.
     */
    public static final double SERVER_MEMORY_UTILIZATION = 0.9;

    /**
     * Activation peak and CUDA graphs of a tensor-parallel server, per GPU. An assumption: vLLM measures it in a
     * profiling run at {@code max_num_batched_tokens} and it depends on the model; 1 GiB is typical of 7B–70B logs.
     */
    public static final long SERVER_ACTIVATION_BYTES = 1L << 30;

    /** Default system-RAM bandwidth for layers left on the CPU: peak of dual-channel DDR5-4800 (2 × 8 bytes × 4.8 GT/s = 76.8 GB/s). */
    public static final double DEFAULT_CPU_BANDWIDTH_GBS = 76.8;

    public static double defaultDecodeEfficiency(HardwareKind kind) {
        return switch (kind) {
            case GPU -> GPU_DECODE_EFFICIENCY;
            case APPLE -> APPLE_DECODE_EFFICIENCY;
            case EDGE -> EDGE_DECODE_EFFICIENCY;
            case PHONE, CPU -> OTHER_DECODE_EFFICIENCY;
        };
    }
}
