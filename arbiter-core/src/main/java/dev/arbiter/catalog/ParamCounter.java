package dev.arbiter.catalog;

/**
 * Counts parameters from an {@link Architecture}, tensor by tensor, the way the Hugging Face checkpoints lay them out
 * (Llama / Qwen / Gemma / Mistral decoders, DeepSeek MLA, Llama 4 and DeepSeek MoE). Bias terms other than the
 * q/k/v bias of {@code attentionBias}, rotary tables and DeepSeek's per-expert routing-correction bias
 * ({@code e_score_correction_bias}, 256 per MoE layer) are not counted; they are far below 0.01 % of any model here.
 */
public final class ParamCounter {
    private ParamCounter() {}

    public static ParamCount count(Architecture a) {
        long h = a.hiddenSize();
        long embed = (long) a.vocabSize() * h;
        long head = a.tiedEmbeddings() ? 0 : embed;
        long attentionPerLayer = a.mla() != null ? mlaAttention(a) : gqaAttention(a);

        long attention = 0, denseFfn = 0, routed = 0, activeRouted = 0, shared = 0, router = 0;
        Moe moe = a.moe();
        for (int i = 0; i < a.layers(); i++) {
            attention += attentionPerLayer;
            if (moe != null && moe.isMoeLayer(i)) {
                long expert = 3L * h * moe.expertIntermediateSize();   // gate, up (hidden→ffn) and down (ffn→hidden)
                routed += moe.experts() * expert;
                activeRouted += moe.activeExperts() * expert;
                shared += moe.sharedExperts() * expert;
                router += h * moe.experts();
            } else {
                denseFfn += 3L * h * a.intermediateSize();
            }
        }
        long norms = 2L * h * a.layers() + h;  // input + post-attention RMSNorm per layer, then the final norm
        return new ParamCount(embed, head, attention, denseFfn, routed, activeRouted, shared, router, norms,
                a.extraParams(), a.tiedEmbeddings());
    }

    /** q, k, v, o projections of one GQA/MHA layer, plus the q/k/v bias when present. */
    static long gqaAttention(Architecture a) {
        long h = a.hiddenSize();
        long qDim = (long) a.attentionHeads() * a.headDim();
        long kvDim = (long) a.kvHeads() * a.headDim();
        long weights = h * qDim + 2 * h * kvDim + qDim * h;
        long bias = a.attentionBias() ? qDim + 2 * kvDim : 0;
        return weights + bias;
    }

    /**
     * One multi-head latent attention layer (DeepSeek V2/V3 modeling code):
     * q: q_a_proj (hidden→qLoraRank) + q_a_layernorm (qLoraRank) + q_b_proj (qLoraRank→heads×(nope+rope)),
     * or a plain q_proj (hidden→heads×(nope+rope)) when qLoraRank is 0;
     * kv_a_proj_with_mqa (hidden→kvLoraRank+rope) + kv_a_layernorm (kvLoraRank);
     * kv_b_proj (kvLoraRank→heads×(nope+v)); o_proj (heads×v→hidden).
     */
    static long mlaAttention(Architecture a) {
        Mla m = a.mla();
        long h = a.hiddenSize();
        long heads = a.attentionHeads();
        long qkHead = m.qkNopeHeadDim() + m.qkRopeHeadDim();
        long q = m.qLoraRank() > 0
                ? h * m.qLoraRank() + m.qLoraRank() + (long) m.qLoraRank() * heads * qkHead
                : h * heads * qkHead;
        long kvA = h * (m.kvLoraRank() + m.qkRopeHeadDim()) + m.kvLoraRank();
        long kvB = (long) m.kvLoraRank() * heads * (m.qkNopeHeadDim() + m.vHeadDim());
        long o = heads * m.vHeadDim() * h;
        return q + kvA + kvB + o;
    }
}
