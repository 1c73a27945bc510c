package dev.arbiter.catalog;

/**
 * Decoder architecture as published in the model's own {@code config.json} (text stack only; vision towers and
 * multi-token-prediction heads are counted in {@code extraParams}).
 *
 * @param layers           {@code num_hidden_layers}
 * @param hiddenSize       {@code hidden_size}
 * @param attentionHeads   {@code num_attention_heads}
 * @param kvHeads          {@code num_key_value_heads} (= attentionHeads without GQA)
 * @param headDim          {@code head_dim} (often hiddenSize / attentionHeads, but not for Gemma 3)
 * @param vocabSize        {@code vocab_size}
 * @param tiedEmbeddings   {@code tie_word_embeddings}: the output head reuses the input embedding matrix
 * @param intermediateSize dense FFN width ({@code intermediate_size}; Llama 4: {@code intermediate_size_mlp})
 * @param attentionBias    q/k/v projections carry a bias (Qwen 2.5)
 * @param moe              experts layout, or null for a dense model
 * @param localAttention   sliding-window / chunked layers, or null when every layer attends to the full context
 * @param mla              latent attention dims, or null for standard (GQA/MHA) attention
 * @param extraParams      parameters outside the text decoder (vision encoder, MTP module), in parameters
 * @param extraParamsNote  what {@code extraParams} holds
 * @param source           URL of the config.json these numbers come from
 */
public record Architecture(int layers, int hiddenSize, int attentionHeads, int kvHeads, int headDim, int vocabSize,
                           boolean tiedEmbeddings, int intermediateSize, boolean attentionBias,
                           Moe moe, LocalAttention localAttention, Mla mla,
                           long extraParams, String extraParamsNote, String source) {
    public Architecture {
        Checks.positive("architecture.layers", layers);
        Checks.positive("architecture.hidden_size", hiddenSize);
        Checks.positive("architecture.attention_heads", attentionHeads);
        if (kvHeads == 0) kvHeads = attentionHeads;
        Checks.positive("architecture.kv_heads", kvHeads);
        if (headDim == 0 && mla == null) headDim = hiddenSize / attentionHeads;
        if (mla == null) Checks.positive("architecture.head_dim", headDim);
        Checks.positive("architecture.vocab_size", vocabSize);
        Checks.positive("architecture.intermediate_size", intermediateSize);
        Checks.nonNegative("architecture.extra_params", extraParams);
        Checks.required("architecture.source", source);
        if (attentionHeads % kvHeads != 0) {
            throw new IllegalArgumentException("architecture.attention_heads (" + attentionHeads
                    + ") must be a multiple of architecture.kv_heads (" + kvHeads + ")");
        }
    }

    public boolean hasExperts() { return moe != null; }

    /** Number of layers whose KV cache grows with the whole context. */
    public int globalLayers() {
        if (localAttention == null) return layers;
        int n = 0;
        for (int i = 0; i < layers; i++) if (localAttention.isGlobal(i)) n++;
        return n;
    }
}
