package dev.arbiter.catalog;

/**
 * Multi-head latent attention (DeepSeek V2/V3/R1). The KV cache stores, per layer and token, the compressed
 * latent ({@code kvLoraRank}) plus the decoupled RoPE key ({@code qkRopeHeadDim}), not per-head K and V.
 *
 * @param qLoraRank     rank of the query compression; 0 when queries are not compressed
 * @param kvLoraRank    rank of the joint KV compression (DeepSeek V3: 512)
 * @param qkNopeHeadDim per-head query/key width without RoPE (128)
 * @param qkRopeHeadDim per-head RoPE width, shared across heads for the key (64)
 * @param vHeadDim      per-head value width (128)
 */
public record Mla(int qLoraRank, int kvLoraRank, int qkNopeHeadDim, int qkRopeHeadDim, int vHeadDim) {
    public Mla {
        Checks.nonNegative("mla.q_lora_rank", qLoraRank);
        Checks.positive("mla.kv_lora_rank", kvLoraRank);
        Checks.positive("mla.qk_nope_head_dim", qkNopeHeadDim);
        Checks.positive("mla.qk_rope_head_dim", qkRopeHeadDim);
        Checks.positive("mla.v_head_dim", vHeadDim);
    }

    /** Elements cached per token per layer: the latent plus the shared RoPE key. */
    public int cachedElementsPerToken() {
        return kvLoraRank + qkRopeHeadDim;
    }
}
