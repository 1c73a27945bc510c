package dev.arbiter.catalog;

/**
 * Parameter count of a dense decoder from its {@link Architecture}, for checking catalogue data against the vendor's
 * figure. A test-only draft (named so it cannot clash with the lead's {@code ParamCounter}); it covers dense GQA/MHA
 * stacks only, which is all the Gemma 3 and Qwen 2.5 entries need.
 *
 * <p>Counted: token embeddings (twice when untied), per layer the q/k/v/o projections (plus q/k/v biases when
 * {@code attentionBias}), the gated FFN (gate, up, down), two RMSNorm vectors, one final norm, and
 * {@code extraParams}. Not counted: Gemma's two extra per-layer norms and its q/k norms (under 0.01 % of any model).
 */
final class ParamCounterDraftB {
    private ParamCounterDraftB() {}

    /** Total parameters: text decoder plus {@code extraParams}. */
    static long total(Architecture a) {
        return text(a) + a.extraParams();
    }

    /** Parameters of the text decoder alone. */
    static long text(Architecture a) {
        if (a.isMoe() || a.mla() != null) {
            throw new IllegalArgumentException("ParamCounterDraftB counts dense GQA/MHA decoders only");
        }
        long h = a.hiddenSize();
        long q = (long) a.attentionHeads() * a.headDim();
        long kv = (long) a.kvHeads() * a.headDim();
        long attention = h * q + 2 * h * kv + q * h + (a.attentionBias() ? q + 2 * kv : 0);
        long ffn = 3 * h * a.intermediateSize();
        long norms = 2 * h;
        long embeddings = (long) a.vocabSize() * h * (a.tiedEmbeddings() ? 1 : 2);
        return embeddings + a.layers() * (attention + ffn + norms) + h;
    }
}
