package dev.arbiter.catalog;

/**
 * Parameter counts computed from an {@link Architecture}, in parameters, split by where they sit.
 * Invariants: every part is >= 0; {@code activeRoutedExperts <= routedExperts}.
 *
 * @param inputEmbedding      token embedding table, vocab × hidden
 * @param outputHead          separate output projection (lm_head), vocab × hidden; 0 when tied to the embedding
 * @param attention           all attention projections (and their biases / MLA norms) over all layers
 * @param denseFfn            gated FFNs of dense layers, 3 × hidden × intermediate each
 * @param routedExperts       all routed experts over all MoE layers
 * @param activeRoutedExperts the routed experts one token uses (activeExperts per MoE layer)
 * @param sharedExperts       always-on experts over all MoE layers
 * @param router              router (gate) matrices, hidden × experts per MoE layer
 * @param norms               RMSNorm weights: 2 × hidden per layer plus the final norm
 * @param extra               parameters outside the text decoder (vision encoder, MTP head), from the catalogue
 * @param tiedEmbeddings      the output head reuses the embedding matrix
 */
public record ParamCount(long inputEmbedding, long outputHead, long attention, long denseFfn, long routedExperts,
                         long activeRoutedExperts, long sharedExperts, long router, long norms, long extra,
                         boolean tiedEmbeddings) {
    public ParamCount {
        Checks.nonNegative("input_embedding", inputEmbedding);
        Checks.nonNegative("output_head", outputHead);
        Checks.nonNegative("attention", attention);
        Checks.nonNegative("dense_ffn", denseFfn);
        Checks.nonNegative("routed_experts", routedExperts);
        Checks.nonNegative("active_routed_experts", activeRoutedExperts);
        Checks.nonNegative("shared_experts", sharedExperts);
        Checks.nonNegative("router", router);
        Checks.nonNegative("norms", norms);
        Checks.nonNegative("extra", extra);
        if (activeRoutedExperts > routedExperts) {
            throw new IllegalArgumentException("active_routed_experts (" + activeRoutedExperts
                    + ") exceeds routed_experts (" + routedExperts + ")");
        }
    }

    /** Input embedding plus a separate output head: the tensors quantisers usually keep at higher precision. */
    public long embedding() { return inputEmbedding + outputHead; }

    /** Every parameter a full checkpoint holds, extras included. */
    public long total() {
        return decoderTotal() + extra;
    }

    /** The text decoder alone (what a GGUF conversion holds; vision towers ship as a separate mmproj file). */
    public long decoderTotal() {
        return embedding() + attention + denseFfn + routedExperts + sharedExperts + router + norms;
    }

    /**
     * Parameters used per generated token: the decoder with only the chosen routed experts. Extras (vision encoder,
     * multi-token-prediction head) do not run per text token, so they are not active; this is how vendors count it
     * (Llama 4 Scout: 17.17e9 from the text stack vs Meta's "17B active", while its "109B total" includes vision).
     */
    public long active() {
        return embedding() + attention + denseFfn + activeRoutedExperts + sharedExperts + router + norms;
    }

    /**
     * Parameters whose bytes are read from memory per decoded token: {@link #active()} minus the input embedding
     * table when the head is untied (a lookup reads one row of vocab × hidden, not the table). With tied
     * embeddings the same matrix is read in full as the output head, so nothing is subtracted.
     */
    public long readPerToken() {
        return tiedEmbeddings ? active() : active() - inputEmbedding;
    }
}
