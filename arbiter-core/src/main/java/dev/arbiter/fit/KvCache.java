package dev.arbiter.fit;

import dev.arbiter.catalog.Architecture;
import dev.arbiter.catalog.LocalAttention;

/**
 * KV-cache size for one sequence.
 *
 * <pre>
 *   per layer per token: GQA/MHA 2 (K and V) × kvHeads × headDim elements; MLA kvLoraRank + qkRopeHeadDim
 *                        elements (the latent and the shared RoPE key, one "head", no ×2)
 *   tokens held by a layer: global → context; local (sliding/chunked) → min(context, window [+ ubatch])
 *   bytes = Σ over layers of tokens(layer) × per-layer-per-token elements, in the cache type
 * </pre>
 *
 * A chunked layer (Llama 4) attends within its current chunk only, so it never holds more than one chunk; we
 * count a full chunk (the worst position). llama.cpp sizes its SWA cache as window + n_ubatch cells (Gemma 3
 * with window 1024 logs "creating SWA KV cache, size = 1536 cells" at the default -ub 512) unless run with
 * {@code --swa-full}; vLLM pages the cache and frees blocks that left the window, so it holds the window alone (for
 * chunked layers through its hybrid KV cache manager, on by default since vllm-project/vllm#29627:
 * VLLM_ALLOW_CHUNKED_LOCAL_ATTN_WITH_HYBRID_KV_CACHE=1; with 0 every layer holds the context, which the fit's basis states).
 * MLA assumes a runtime that caches the latent (vLLM, SGLang; llama.cpp since its MLA cache support), not
 * decompressed per-head K/V.
 */
public final class KvCache {
    private KvCache() {}

    /** Cached elements per token for one layer. */
    public static long elementsPerTokenPerLayer(Architecture a) {
        if (a.mla() != null) return a.mla().cachedElementsPerToken();
        return 2L * a.kvHeads() * a.headDim();
    }

    /** Tokens layer {@code i} holds at {@code context}. */
    public static long tokensHeld(Architecture a, int layer, long context, Runtime runtime, boolean swaFull) {
        LocalAttention local = a.localAttention();
        if (local == null || local.isGlobal(layer) || swaFull) return context;
        long window = local.window() + (runtime.layerSplit() ? FitConstants.LLAMA_CPP_UBATCH : 0);
        return Math.min(context, window);
    }

    /** Cache bytes layer {@code i} holds for one sequence of {@code context} tokens (llama.cpp keeps them on the layer's device). */
    public static long layerBytes(Architecture a, int layer, long context, KvType type, Runtime runtime, boolean swaFull) {
        return type.bytes(tokensHeld(a, layer, context, runtime, swaFull) * elementsPerTokenPerLayer(a));
    }

    /**
     * Of {@code kv} bytes of one sequence's cache, those the fullest device holds under the request's split: llama.cpp's
     * layer split divides the layers among the GPUs; a tensor-parallel server's pipeline stages each hold their own
     * layers' cache, and within a stage the KV heads divide among its tensor-parallel GPUs (replicated when there are
     * fewer heads than GPUs; the MLA latent, which has no heads, is replicated on every GPU of the stage).
     */
    public static long perDevice(FitRequest r, long kv) {
        int n = r.gpus();
        if (r.runtime().layerSplit() || n == 1) return ceilDiv(kv, n);
        ParallelPlan plan = ParallelPlan.of(r);
        long perStage = ceilDiv(kv, plan.pipeline());
        Architecture a = r.architecture();
        return a.mla() != null ? perStage : ceilDiv(perStage, Math.min(plan.tensor(), a.kvHeads()));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** Total cache bytes for one sequence of {@code context} tokens over all layers. */
    public static long bytes(Architecture a, long context, KvType type, Runtime runtime, boolean swaFull) {
        long perToken = elementsPerTokenPerLayer(a);
        long elements = 0;
        for (int i = 0; i < a.layers(); i++) {
            elements += tokensHeld(a, i, context, runtime, swaFull) * perToken;
        }
        return type.bytes(elements);
    }
}
