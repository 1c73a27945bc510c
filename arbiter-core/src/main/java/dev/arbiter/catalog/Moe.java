package dev.arbiter.catalog;

/**
 * Mixture-of-experts layout of a decoder stack, from the model's config.json.
 *
 * @param experts                 routed experts per MoE layer ({@code num_local_experts} / {@code n_routed_experts})
 * @param activeExperts           routed experts chosen per token ({@code num_experts_per_tok})
 * @param sharedExperts           always-on experts per MoE layer ({@code n_shared_experts}; Llama 4 has 1)
 * @param expertIntermediateSize  FFN width of one expert ({@code moe_intermediate_size}, or Llama 4's {@code intermediate_size})
 * @param layerStep               every {@code layerStep}-th layer is MoE (Llama 4 {@code interleave_moe_layer_step});
 *                                layer i (0-based) is MoE when {@code (i + 1) % layerStep == 0}
 * @param firstDenseLayers        the first k layers are dense ({@code first_k_dense_replace}, DeepSeek V3: 3)
 */
public record Moe(int experts, int activeExperts, int sharedExperts, int expertIntermediateSize,
                  int layerStep, int firstDenseLayers) {
    public Moe {
        Checks.positive("moe.experts", experts);
        Checks.positive("moe.active_experts", activeExperts);
        Checks.nonNegative("moe.shared_experts", sharedExperts);
        Checks.positive("moe.expert_intermediate_size", expertIntermediateSize);
        if (layerStep == 0) layerStep = 1;
        Checks.positive("moe.layer_step", layerStep);
        Checks.nonNegative("moe.first_dense_layers", firstDenseLayers);
        if (activeExperts > experts) {
            throw new IllegalArgumentException("moe.active_experts (" + activeExperts + ") exceeds moe.experts (" + experts + ")");
        }
    }

    /** Whether decoder layer {@code i} (0-based) uses experts rather than a dense FFN. */
    public boolean isMoeLayer(int i) {
        return i >= firstDenseLayers && (i + 1) % layerStep == 0;
    }
}
