package dev.arbiter.fit.gguf;

import dev.arbiter.catalog.Architecture;
import dev.arbiter.catalog.Mla;
import dev.arbiter.catalog.Moe;
import dev.arbiter.util.IdentityMemo;

import java.util.ArrayList;
import java.util.List;


/**
 * The tensors llama.cpp's convert_hf_to_gguf.py writes for a text decoder, with their ggml shapes, in the order the
 * quantizer visits them (tensors outside the blocks first, then block by block). Shapes are given as
 * {@code rowLength × rows}: for a linear layer {@code in_features × out_features}.
 *
 * <p>Covered: Llama/Mistral/Qwen2/Gemma 3 GQA attention (q/k/v/o, Qwen's q/k/v biases), DeepSeek V2/V3 multi-head
 * latent attention as converted before llama.cpp split {@code attn_kv_b} into {@code attn_k_b}/{@code attn_v_b}
 * (April 2025; the published V3/R1 files predate it), dense gated FFNs, routed experts as 3-D
 * {@code ffn_*_exps} tensors, shared experts ({@code ffn_*_shexp}) and the router ({@code ffn_gate_inp}).
 * Left out, each under 0.01 % of any catalogue model: Gemma 3's q/k norms and post-attention/post-FFN norms, and
 * DeepSeek's per-expert routing bias ({@code exp_probs_b}, 256 floats a layer). Vision towers are not here: llama.cpp
 * writes them to a separate mmproj file.
 */
public final class GgufLayout {
    /**
     * Layouts already built, by architecture instance (see {@link IdentityMemo}): a layout does not depend on the
     * quantisation, and recommend sizes every candidate at a dozen of them (building each tensor's name was a third
     * of recommend's CPU).
     */
    private static final IdentityMemo<Architecture, List<GgufTensor>> BUILT = new IdentityMemo<>(256);

    private GgufLayout() {}

    /** The text model's tensors, in llama.cpp's order. */
    public static List<GgufTensor> of(Architecture a) {
        return BUILT.get(a, GgufLayout::build);
    }

    private static List<GgufTensor> build(Architecture a) {
        long h = a.hiddenSize();
        List<GgufTensor> t = new ArrayList<>();
        t.add(new GgufTensor("token_embd.weight", TensorRole.TOKEN_EMBD, -1, h, a.vocabSize()));        // (hidden, vocab)
        t.add(new GgufTensor("output_norm.weight", TensorRole.VECTOR, -1, h, 1));
        if (!a.tiedEmbeddings()) t.add(new GgufTensor("output.weight", TensorRole.OUTPUT, -1, h, a.vocabSize()));
        for (int i = 0; i < a.layers(); i++) {
            t.add(vector(i, "attn_norm.weight", h));
            t.add(vector(i, "ffn_norm.weight", h));
            if (a.mla() != null) mla(t, a, i); else gqa(t, a, i);
            Moe moe = a.moe();
            if (moe != null && moe.isMoeLayer(i)) experts(t, h, moe, i); else dense(t, h, a.intermediateSize(), i);
        }
        return List.copyOf(t);
    }

    /** q (hidden → heads × head_dim), k and v (hidden → kv_heads × head_dim), o (heads × head_dim → hidden). */
    private static void gqa(List<GgufTensor> t, Architecture a, int i) {
        long h = a.hiddenSize();
        long q = (long) a.attentionHeads() * a.headDim();
        long kv = (long) a.kvHeads() * a.headDim();
        t.add(matrix(i, "attn_q.weight", TensorRole.ATTN_Q, h, q));
        t.add(matrix(i, "attn_k.weight", TensorRole.ATTN_K, h, kv));
        t.add(matrix(i, "attn_v.weight", TensorRole.ATTN_V, h, kv));
        t.add(matrix(i, "attn_output.weight", TensorRole.ATTN_OUTPUT, q, h));
        if (a.attentionBias()) {
            t.add(new GgufTensor("attn_q.bias", TensorRole.VECTOR, i, q, 1));
            t.add(new GgufTensor("attn_k.bias", TensorRole.VECTOR, i, kv, 1));
            t.add(new GgufTensor("attn_v.bias", TensorRole.VECTOR, i, kv, 1));
        }
    }

    /**
     * DeepSeek MLA: q_a (hidden → q_lora) + q_a_norm + q_b (q_lora → heads × (nope + rope)), or one attn_q without
     * query compression; kv_a_mqa (hidden → kv_lora + rope) + kv_a_norm; kv_b (kv_lora → heads × (nope + v));
     * o (heads × v → hidden).
     */
    private static void mla(List<GgufTensor> t, Architecture a, int i) {
        Mla m = a.mla();
        long h = a.hiddenSize();
        long heads = a.attentionHeads();
        long qk = heads * (m.qkNopeHeadDim() + m.qkRopeHeadDim());
        if (m.qLoraRank() > 0) {
            t.add(matrix(i, "attn_q_a.weight", TensorRole.OTHER, h, m.qLoraRank()));
            t.add(vector(i, "attn_q_a_norm.weight", m.qLoraRank()));
            t.add(matrix(i, "attn_q_b.weight", TensorRole.OTHER, m.qLoraRank(), qk));
        } else {
            t.add(matrix(i, "attn_q.weight", TensorRole.ATTN_Q, h, qk));
        }
        t.add(matrix(i, "attn_kv_a_mqa.weight", TensorRole.OTHER, h, m.kvLoraRank() + m.qkRopeHeadDim()));
        t.add(vector(i, "attn_kv_a_norm.weight", m.kvLoraRank()));
        t.add(matrix(i, "attn_kv_b.weight", TensorRole.ATTN_V, m.kvLoraRank(), heads * (m.qkNopeHeadDim() + m.vHeadDim())));
        t.add(matrix(i, "attn_output.weight", TensorRole.ATTN_OUTPUT, heads * m.vHeadDim(), h));
    }

    /** gate and up (hidden → ffn), down (ffn → hidden). */
    private static void dense(List<GgufTensor> t, long h, long ffn, int i) {
        t.add(matrix(i, "ffn_gate.weight", TensorRole.FFN_GATE, h, ffn));
        t.add(matrix(i, "ffn_up.weight", TensorRole.FFN_UP, h, ffn));
        t.add(matrix(i, "ffn_down.weight", TensorRole.FFN_DOWN, ffn, h));
    }

    /**
     * Router (hidden → experts, F32); routed experts stacked in 3-D tensors (hidden, expert_ffn, experts) and
     * (expert_ffn, hidden, experts); shared experts as one FFN of width shared × expert_ffn.
     */
    private static void experts(List<GgufTensor> t, long h, Moe moe, int i) {
        long f = moe.expertIntermediateSize();
        long n = moe.experts();
        t.add(new GgufTensor("ffn_gate_inp.weight", TensorRole.ROUTER, i, h, n));
        t.add(matrix(i, "ffn_gate_exps.weight", TensorRole.FFN_GATE, h, f * n));
        t.add(matrix(i, "ffn_up_exps.weight", TensorRole.FFN_UP, h, f * n));
        t.add(matrix(i, "ffn_down_exps.weight", TensorRole.FFN_DOWN, f, h * n));
        if (moe.sharedExperts() > 0) {
            long s = f * moe.sharedExperts();
            t.add(matrix(i, "ffn_gate_shexp.weight", TensorRole.FFN_GATE, h, s));
            t.add(matrix(i, "ffn_up_shexp.weight", TensorRole.FFN_UP, h, s));
            t.add(matrix(i, "ffn_down_shexp.weight", TensorRole.FFN_DOWN, s, h));
        }
    }

    /** {@code kind}: the name without its block prefix, e.g. {@code attn_q.weight} (see {@link GgufTensor#name}). */
    private static GgufTensor matrix(int layer, String kind, TensorRole role, long in, long out) {
        return new GgufTensor(kind, role, layer, in, out);
    }

    private static GgufTensor vector(int layer, String kind, long n) {
        return new GgufTensor(kind, TensorRole.VECTOR, layer, n, 1);
    }
}
