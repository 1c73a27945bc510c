package dev.arbiter.fit;

import dev.arbiter.catalog.Architecture;
import dev.arbiter.catalog.CatalogLoader;
import dev.arbiter.catalog.Model;
import dev.arbiter.fit.gguf.BundledGgufSizes;
import dev.arbiter.fit.gguf.GgufMix;
import dev.arbiter.fit.gguf.GgufSize;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WeightsTest {
    private static final HardwareCatalog HW = HardwareCatalog.bundled();

    private static GgufSize viaWeights(Architecture a, GgufMix mix) {
        FitRequest r = FitRequest.of("m", a, 32768, Quant.parse(mix.name()), 4096, KvType.F16, HW.get("rtx-4090"), 1,
                Runtime.LLAMA_CPP, null, false);
        return Weights.ggufSize(r).orElseThrow();
    }

    @Test
    void aBundledArchitectureIsSizedFromTheSnapshotAndAnEditedOneIsComputed() {
        Model qwen = new CatalogLoader().bundled().get("qwen2.5-7b");
        Architecture a = qwen.architecture();
        assertThat(BundledGgufSizes.find(a)).isNotNull();
        // The same model with a wider FFN (a user's own entry, or the catalogue edited since the build): not bundled,
        // so its sizes are summed for it, and they differ from the bundled model's.
        Architecture wider = new Architecture(a.layers(), a.hiddenSize(), a.attentionHeads(), a.kvHeads(), a.headDim(),
                a.vocabSize(), a.tiedEmbeddings(), a.intermediateSize() + 256, a.attentionBias(), a.moe(),
                a.localAttention(), a.mla(), a.extraParams(), a.extraParamsNote(), a.source());
        assertThat(BundledGgufSizes.find(wider)).isNull();
        for (GgufMix mix : GgufMix.values()) {
            assertThat(viaWeights(a, mix)).isEqualTo(GgufSize.of(a, mix, false));
            assertThat(viaWeights(wider, mix)).isEqualTo(GgufSize.of(wider, mix, false))
                    .isNotEqualTo(GgufSize.of(a, mix, false));
        }
    }
}
