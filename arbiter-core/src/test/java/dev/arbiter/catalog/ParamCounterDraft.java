package dev.arbiter.catalog;

/**
 * Parameter counts computed from an {@link Architecture}: a test-side draft until the lead's {@code ParamCounter}
 * exists. Counts weights only (biases where the config has them, norm scales at 2 x hidden per layer plus the final
 * norm); rotary tables and FP8 scale tensors are not parameters.
 */
final class ParamCounterDraft {
    private ParamCounterDraft() {}

    /**
     * @param total  every weight, extra params (vision tower) included
     * @param active weights one text token touches (extra params excluded)
     */
    record Counts(long total, long active) {}

    static Counts count(Architecture a) {
        long h = a.hiddenSize();
        long embeddings = (long) a.vocabSize() * h * (a.tiedEmbeddings() ? 1 : 2);
        long total = embeddings + h;
        long active = embeddings + h;
        long attention = attention(a);
        for (int layer = 0; layer < a.layers(); layer++) {
            long norms = 2 * h;
            total += attention + norms;
            active += attention + norms;
            Moe moe = a.moe();
            if (moe != null && moe.isMoeLayer(layer)) {
                long expert = 3 * h * moe.expertIntermediateSize();
                long router = h * moe.experts();
                long shared = moe.sharedExperts() * expert;
                total += moe.experts() * expert + shared + router;
                active += moe.activeExperts() * expert + shared + router;
            } else {
                long dense = 3 * h * a.intermediateSize();
                total += dense;
                active += dense;
            }
        }
        return new Counts(total + a.extraParams(), active);
    }

    private static long attention(Architecture a) {
        long h = a.hiddenSize();
        long heads = a.attentionHeads();
        Mla mla = a.mla();
        if (mla != null) {
            long qk = mla.qkNopeHeadDim() + mla.qkRopeHeadDim();
            long q = mla.qLoraRank() > 0
                    ? h * mla.qLoraRank() + (long) mla.qLoraRank() * heads * qk
                    : h * heads * qk;
            long kvA = h * (mla.kvLoraRank() + mla.qkRopeHeadDim());
            long kvB = (long) mla.kvLoraRank() * heads * (mla.qkNopeHeadDim() + mla.vHeadDim());
            long o = heads * mla.vHeadDim() * h;
            return q + kvA + kvB + o;
        }
        long d = a.headDim();
        long kv = a.kvHeads();
        long weights = h * heads * d + 2 * h * kv * d + heads * d * h;
        long biases = a.attentionBias() ? (heads + 2 * kv) * d : 0;
        return weights + biases;
    }
}
