package dev.arbiter.fit.gguf;

import dev.arbiter.catalog.Architecture;
import dev.arbiter.catalog.LocalAttention;
import dev.arbiter.catalog.Mla;
import dev.arbiter.catalog.Moe;

import java.util.Objects;

/**
 * Whether two architectures are equal component by component, nested records included: what the records' own
 * {@code equals} answers, written out because the first call of a record's generated {@code equals} makes the JVM build
 * it from method handles (about a dozen generated classes per record type, docs/performance.md; Architecture's first
 * {@code equals} took 76-240 ms in a bare JVM here, where it was also the first use of method handles), which would
 * cost start-up more than the GGUF sizes it guards save. {@code BundledGgufSizesTest} varies every component, nested
 * ones too, so a component added to these records and not compared here fails it.
 */
final class SameArchitecture {
    private SameArchitecture() {}

    /** The cheapest and most telling components first: two catalogue architectures rarely share a layer count. */
    static boolean same(Architecture x, Architecture y) {
        if (x == y) return true;
        if (x == null || y == null) return false;
        return x.layers() == y.layers() && x.hiddenSize() == y.hiddenSize() && x.vocabSize() == y.vocabSize()
                && x.intermediateSize() == y.intermediateSize() && x.attentionHeads() == y.attentionHeads()
                && x.kvHeads() == y.kvHeads() && x.headDim() == y.headDim()
                && x.tiedEmbeddings() == y.tiedEmbeddings() && x.attentionBias() == y.attentionBias()
                && x.extraParams() == y.extraParams()
                && same(x.moe(), y.moe()) && same(x.localAttention(), y.localAttention()) && same(x.mla(), y.mla())
                && Objects.equals(x.extraParamsNote(), y.extraParamsNote()) && Objects.equals(x.source(), y.source());
    }

    private static boolean same(Moe x, Moe y) {
        if (x == null || y == null) return x == y;
        return x.experts() == y.experts() && x.activeExperts() == y.activeExperts()
                && x.sharedExperts() == y.sharedExperts() && x.expertIntermediateSize() == y.expertIntermediateSize()
                && x.layerStep() == y.layerStep() && x.firstDenseLayers() == y.firstDenseLayers();
    }

    private static boolean same(LocalAttention x, LocalAttention y) {
        if (x == null || y == null) return x == y;
        return x.window() == y.window() && x.globalEvery() == y.globalEvery() && Objects.equals(x.kind(), y.kind());
    }

    private static boolean same(Mla x, Mla y) {
        if (x == null || y == null) return x == y;
        return x.qLoraRank() == y.qLoraRank() && x.kvLoraRank() == y.kvLoraRank()
                && x.qkNopeHeadDim() == y.qkNopeHeadDim() && x.qkRopeHeadDim() == y.qkRopeHeadDim()
                && x.vHeadDim() == y.vHeadDim();
    }
}
