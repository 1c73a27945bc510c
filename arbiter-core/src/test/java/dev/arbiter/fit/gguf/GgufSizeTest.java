package dev.arbiter.fit.gguf;

import dev.arbiter.catalog.Architecture;
import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.CatalogLoader;
import dev.arbiter.catalog.KnownArchitectures;
import dev.arbiter.catalog.Model;
import dev.arbiter.catalog.ParamCount;
import dev.arbiter.catalog.ParamCounter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class GgufSizeTest {
    private static final Catalog CATALOG = new CatalogLoader().bundled();

    private static Architecture arch(String id) {
        return CATALOG.get(id).architecture();
    }

    private static GgmlType typeOf(Architecture a, GgufMix mix, boolean imatrix, String name) {
        GgufTensor t = GgufLayout.of(a).stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return TensorTypes.of(mix, imatrix, a).of(t);
    }

    @Test
    void qwen25_7bAtQ4KmIsTheSumOfItsTensorsTypeByType() {
        // Qwen2.5-7B: hidden 3584, 28 layers, q 28×128, kv 4×128, FFN 18944, vocab 152064, untied. All rows split into
        // 256-blocks. Q6_K (210 B / 256): output 14 × 210 × 152064 = 447,068,160; attn_v in the 14 use_more_bits layers
        // 14 × (14 × 210 × 512) = 21,073,920; ffn_down there 14 × (74 × 210 × 3584) = 779,735,040 → 1,247,877,120.
        // Q4_K (144 B / 256): token_embd 306,561,024 + 28 × (q 7,225,344 + k 1,032,192 + o 7,225,344 + gate and up
        // 2 × 38,191,104) + 14 × attn_v 1,032,192 + 14 × ffn_down 38,191,104 = 3,427,909,632.
        // F32: (3584 + 28 × (2 × 3584 + 3584 + 512 + 512)) × 4 B = 1,333,248 (norms and q/k/v biases).
        GgufSize s = GgufSize.of(KnownArchitectures.qwen25_7b(), GgufMix.Q4_K_M, false);
        assertThat(s.bytesByType()).containsExactly(Map.entry(GgmlType.Q4_K, 3_427_909_632L),
                Map.entry(GgmlType.Q6_K, 1_247_877_120L), Map.entry(GgmlType.F32, 1_333_248L));
        assertThat(s.textBytes()).isEqualTo(4_677_120_000L);
        assertThat(s.fallbacks()).isZero();
        assertThat(s.tensors()).isEqualTo(3 + 28 * 12);   // output, its norm, token_embd; 2 norms, 4 projections, 3 biases, 3 FFN a layer
    }

    @Test
    void eachBlockIsSizedTensorByTensorSoUseMoreBitsBlocksAreLarger() {
        // Qwen2.5-72B Q4_K_M, a block: norms 2 × 8192 × 4 = 65,536; q and o 2 × 32 × 144 × 8192 = 75,497,472;
        // k 32 × 144 × 1024 = 4,718,592; q/k/v biases 10,240 × 4 = 40,960; gate and up 2 × 32 × 144 × 29568
        // = 272,498,688. use_more_bits blocks: attn_v Q6_K 32 × 210 × 1024 = 6,881,280 and ffn_down Q6_K, whose
        // 29568-long rows fall back to Q8_0: 924 × 34 × 8192 = 257,359,872 → 617,062,400. The others: attn_v Q5_K
        // (80-layer rule) 5,767,168 and ffn_down Q4_K → Q5_0 924 × 22 × 8192 = 166,526,976 → 525,115,392.
        GgufSize s = GgufSize.of(KnownArchitectures.qwen25_72b(), GgufMix.Q4_K_M, false);
        assertThat(s.blockBytes()).hasSize(80);
        for (int i = 0; i < 80; i++) {
            assertThat(s.blockBytes().get(i)).as("blk." + i).isEqualTo(TensorTypes.useMoreBits(i, 80) ? 617_062_400L : 525_115_392L);
        }
        assertThat(IntStream.range(0, 80).filter(i -> TensorTypes.useMoreBits(i, 80)).count()).isEqualTo(40);
        // token_embd Q4_K 32 × 144 × 152064; output Q6_K 32 × 210 × 152064; output_norm 8192 × 4
        assertThat(s.tokenEmbdBytes()).isEqualTo(700_710_912L);
        assertThat(s.outputLayerBytes()).isEqualTo(1_021_870_080L + 32_768L);
        assertThat(s.tokenEmbdBytes() + s.outputLayerBytes() + s.blockBytes().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(s.textBytes());
    }

    @Test
    void aTiedEmbeddingIsTheHeadTheOutputLayerHolds() {
        GgufSize s = GgufSize.of(arch("gemma-3-1b"), GgufMix.Q4_K_M, false);
        assertThat(s.outputBytes()).isZero();
        assertThat(s.headBytes()).isEqualTo(s.tokenEmbdBytes());
        assertThat(s.outputLayerBytes()).isEqualTo(s.tokenEmbdBytes() + s.outputNormBytes());
    }

    @Test
    void useMoreBitsPicksTheFirstAndLastEighthAndEveryThirdLayerBetween() {
        // 28 layers: 0–2, 24–27, and 5, 8, …, 23 → 14 layers.
        assertThat(IntStream.range(0, 28).filter(i -> TensorTypes.useMoreBits(i, 28)).boxed().toList())
                .containsExactly(0, 1, 2, 5, 8, 11, 14, 17, 20, 23, 24, 25, 26, 27);
    }

    @Test
    void rowsThatDoNotSplitIntoBlocksFallBackToA32BlockType() {
        // Qwen2.5-0.5B: hidden 896 = 3.5 × 256. Every tensor reading the hidden state falls back (Q4_K → Q5_0,
        // Q6_K → Q8_0): q, k, v, o (896 = 14 × 64 in), gate, up — 6 a layer × 24; the tied embedding, as head, is Q8_0.
        Architecture a = arch("qwen2.5-0.5b");
        GgufSize s = GgufSize.of(a, GgufMix.Q4_K_M, false);
        assertThat(s.fallbacks()).isEqualTo(6 * 24);
        assertThat(typeOf(a, GgufMix.Q4_K_M, false, "token_embd.weight")).isEqualTo(GgmlType.Q8_0);
        assertThat(typeOf(a, GgufMix.Q4_K_M, false, "blk.3.attn_q.weight")).isEqualTo(GgmlType.Q5_0);
        assertThat(typeOf(a, GgufMix.Q4_K_M, false, "blk.0.attn_v.weight")).isEqualTo(GgmlType.Q8_0);
        assertThat(typeOf(a, GgufMix.Q4_K_M, false, "blk.3.ffn_down.weight")).isEqualTo(GgmlType.Q4_K);  // 4864 = 19 × 256
        assertThat(TensorTypes.fallback(GgmlType.Q5_K, 896)).isEqualTo(GgmlType.Q5_1);
        assertThat(TensorTypes.fallback(GgmlType.Q3_K, 896)).isEqualTo(GgmlType.Q4_0);
        assertThat(TensorTypes.fallback(GgmlType.IQ4_XS, 896)).isEqualTo(GgmlType.IQ4_NL);
        assertThat(TensorTypes.fallback(GgmlType.Q4_K, 48)).isEqualTo(GgmlType.F16);
    }

    @Test
    void aTiedEmbeddingIsStoredOnceAtTheOutputHeadsType() {
        Architecture gemma = arch("gemma-3-4b");
        assertThat(GgufLayout.of(gemma)).noneMatch(t -> t.name().equals("output.weight"));
        assertThat(typeOf(gemma, GgufMix.Q4_K_M, false, "token_embd.weight")).isEqualTo(GgmlType.Q6_K);
        assertThat(typeOf(gemma, GgufMix.Q8_0, false, "token_embd.weight")).isEqualTo(GgmlType.Q8_0);
        // Untied: the embedding keeps the mix's base type, the head gets Q6_K.
        Architecture codestral = arch("codestral-22b");
        assertThat(typeOf(codestral, GgufMix.Q4_K_M, false, "token_embd.weight")).isEqualTo(GgmlType.Q4_K);
        assertThat(typeOf(codestral, GgufMix.Q4_K_M, false, "output.weight")).isEqualTo(GgmlType.Q6_K);
    }

    @Test
    void eightyLayerModelsRaiseAQ4KOrQ3KAttnVToQ5K() {
        // llama.cpp classes 80-layer Qwen2 as LLM_TYPE_70B; layer 11 is not a use_more_bits layer of 80, layer 0 is.
        Architecture qwen72 = arch("qwen2.5-72b");
        assertThat(typeOf(qwen72, GgufMix.Q4_K_M, false, "blk.11.attn_v.weight")).isEqualTo(GgmlType.Q5_K);
        assertThat(typeOf(qwen72, GgufMix.Q4_K_M, false, "blk.0.attn_v.weight")).isEqualTo(GgmlType.Q6_K);
        assertThat(typeOf(qwen72, GgufMix.Q2_K, false, "blk.3.attn_v.weight")).isEqualTo(GgmlType.Q5_K);
        assertThat(typeOf(arch("qwen2.5-32b"), GgufMix.Q4_K_M, false, "blk.11.attn_v.weight")).isEqualTo(GgmlType.Q4_K);
    }

    @Test
    void q2KAndQ3KmRaiseAttentionOutputAndFfnDown() {
        Architecture a = KnownArchitectures.qwen25_7b();
        assertThat(typeOf(a, GgufMix.Q2_K, false, "blk.9.ffn_down.weight")).isEqualTo(GgmlType.Q3_K);
        assertThat(typeOf(a, GgufMix.Q2_K, false, "blk.9.attn_output.weight")).isEqualTo(GgmlType.Q3_K);
        assertThat(typeOf(a, GgufMix.Q2_K, false, "blk.9.attn_v.weight")).isEqualTo(GgmlType.Q4_K);  // 7 heads per KV head ≥ 4
        assertThat(typeOf(a, GgufMix.Q3_K_M, false, "blk.0.ffn_down.weight")).isEqualTo(GgmlType.Q5_K);  // first 28/16 = 1 layer
        assertThat(typeOf(a, GgufMix.Q3_K_M, false, "blk.9.ffn_down.weight")).isEqualTo(GgmlType.Q4_K);
        assertThat(typeOf(a, GgufMix.Q3_K_M, false, "blk.1.attn_v.weight")).isEqualTo(GgmlType.Q5_K);
        assertThat(typeOf(a, GgufMix.Q3_K_M, false, "blk.2.attn_v.weight")).isEqualTo(GgmlType.Q4_K);
        assertThat(typeOf(a, GgufMix.Q3_K_M, false, "blk.9.attn_q.weight")).isEqualTo(GgmlType.Q3_K);
    }

    @Test
    void anImportanceMatrixChangesOnlyTheFirstEighthOfFfnDownForIq4XsAndQ4_0() {
        Architecture a = KnownArchitectures.qwen25_7b();   // 28 / 8 = 3 layers
        assertThat(typeOf(a, GgufMix.IQ4_XS, false, "blk.2.ffn_down.weight")).isEqualTo(GgmlType.Q5_K);
        assertThat(typeOf(a, GgufMix.IQ4_XS, true, "blk.2.ffn_down.weight")).isEqualTo(GgmlType.IQ4_XS);
        assertThat(typeOf(a, GgufMix.IQ4_XS, false, "blk.3.ffn_down.weight")).isEqualTo(GgmlType.IQ4_XS);
        assertThat(typeOf(a, GgufMix.Q4_0, true, "blk.2.ffn_down.weight")).isEqualTo(GgmlType.Q4_1);
        assertThat(typeOf(a, GgufMix.Q4_0, false, "blk.2.ffn_down.weight")).isEqualTo(GgmlType.Q4_0);
        assertThat(GgufSize.of(a, GgufMix.Q4_K_M, true)).isEqualTo(GgufSize.of(a, GgufMix.Q4_K_M, false));
    }

    @Test
    void sixteenBitFilesKeepOneDimensionalTensorsAndTheRouterInF32() {
        GgufSize s = GgufSize.of(KnownArchitectures.llama4Scout(0), GgufMix.F16, false);
        assertThat(s.bytesByType()).containsOnlyKeys(GgmlType.F16, GgmlType.F32);
        // F32: norms (2 × 5120 a layer + 5120) and the router 5120 × 16 a layer, 48 layers, 4 B each.
        assertThat(s.bytesByType().get(GgmlType.F32)).isEqualTo(4L * (48 * (2 * 5120 + 5120 * 16) + 5120));
    }

    @Test
    void expertTensorsAreThreeDimensionalAndUseTheirLayerForTheMoreBitsRule() {
        Architecture scout = KnownArchitectures.llama4Scout(0);
        GgufTensor down = GgufLayout.of(scout).stream().filter(t -> t.name().equals("blk.0.ffn_down_exps.weight")).findFirst().orElseThrow();
        assertThat(down.rowLength()).isEqualTo(8192);
        assertThat(down.rows()).isEqualTo(5120L * 16);
        assertThat(typeOf(scout, GgufMix.Q4_K_M, false, "blk.0.ffn_down_exps.weight")).isEqualTo(GgmlType.Q6_K);
        assertThat(typeOf(scout, GgufMix.Q4_K_M, false, "blk.6.ffn_down_exps.weight")).isEqualTo(GgmlType.Q4_K);
        assertThat(typeOf(scout, GgufMix.Q4_K_M, false, "blk.0.ffn_down_shexp.weight")).isEqualTo(GgmlType.Q6_K);
        assertThat(typeOf(scout, GgufMix.Q4_K_M, false, "blk.0.ffn_gate_inp.weight")).isEqualTo(GgmlType.F32);
    }

    @Test
    void maverickInterleavesDenseAndMoeLayersAndItsFfnDownFollowsTheLayerNumberWhateverTheKind() {
        // llama-quant.cpp, for any model with experts, reads the layer from the tensor's name and applies use_more_bits
        // over n_layer (48): the dense ffn_down of even layers and the experts' ffn_down_exps/_shexp of odd ones alike.
        Architecture maverick = arch("llama-4-maverick");
        List<String> names = GgufLayout.of(maverick).stream().map(GgufTensor::name).toList();
        assertThat(names).contains("blk.0.ffn_down.weight", "blk.1.ffn_down_exps.weight", "blk.1.ffn_down_shexp.weight")
                .doesNotContain("blk.0.ffn_down_exps.weight", "blk.1.ffn_down.weight");
        assertThat(typeOf(maverick, GgufMix.Q4_K_M, false, "blk.0.ffn_down.weight")).isEqualTo(GgmlType.Q6_K);
        assertThat(typeOf(maverick, GgufMix.Q4_K_M, false, "blk.1.ffn_down_exps.weight")).isEqualTo(GgmlType.Q6_K);
        assertThat(typeOf(maverick, GgufMix.Q4_K_M, false, "blk.9.ffn_down_exps.weight")).isEqualTo(GgmlType.Q4_K);  // (9−6) % 3 = 0
        assertThat(typeOf(maverick, GgufMix.Q4_K_M, false, "blk.11.ffn_down_exps.weight")).isEqualTo(GgmlType.Q6_K);  // (11−6) % 3 = 2
        assertThat(typeOf(maverick, GgufMix.Q4_K_M, false, "blk.10.ffn_down.weight")).isEqualTo(GgmlType.Q4_K);
        // 128 experts is not Mixtral's 8: attention keeps the mix's rules.
        assertThat(typeOf(maverick, GgufMix.Q4_K_M, false, "blk.3.attn_k.weight")).isEqualTo(GgmlType.Q4_K);
        // ffn_down_exps of 12 of the 24 MoE layers at Q6_K: 12 × 128 experts × 8192 × 5120 weights.
        long q6Experts = IntStream.range(0, 48).filter(i -> i % 2 == 1 && TensorTypes.useMoreBits(i, 48)).count();
        assertThat(q6Experts).isEqualTo(12);
    }

    @Test
    void mlaKeepsItsLatentProjectionsAtTheBaseTypeAndTreatsKvBLikeAttnV() {
        Architecture ds = KnownArchitectures.deepseekV3();
        assertThat(typeOf(ds, GgufMix.Q4_K_M, false, "blk.0.attn_kv_b.weight")).isEqualTo(GgmlType.Q6_K);
        assertThat(typeOf(ds, GgufMix.Q4_K_M, false, "blk.10.attn_kv_a_mqa.weight")).isEqualTo(GgmlType.Q4_K);
        assertThat(typeOf(ds, GgufMix.Q2_K, false, "blk.10.attn_kv_b.weight")).isEqualTo(GgmlType.Q3_K);  // 1 head per KV head
        assertThat(typeOf(ds, GgufMix.Q4_K_M, false, "blk.2.ffn_down.weight")).isEqualTo(GgmlType.Q6_K);  // dense layer
    }

    @Test
    void theLayoutHoldsExactlyTheParametersTheCatalogueCountsForEveryModel() {
        // GgufLayout and ParamCounter are written independently from the same configs; they must agree tensor for
        // tensor (norms, biases, router and MLA norms included), vision and MTP parameters excepted.
        for (Model m : CATALOG.models()) {
            ParamCount p = ParamCounter.count(m.architecture());
            long elements = GgufLayout.of(m.architecture()).stream().mapToLong(GgufTensor::elements).sum();
            assertThat(elements).as(m.id()).isEqualTo(p.total() - p.extra());
        }
    }

    @Test
    void theProjectorIsCountedOnlyWhenImagesAreSent() {
        GgufSize s = GgufSize.of(arch("gemma-3-4b"), GgufMix.Q4_K_M, false);
        assertThat(s.projectorBytes()).isEqualTo(2 * 419_816_304L);
        assertThat(s.loadedBytes(false)).isEqualTo(s.textBytes());
        assertThat(s.loadedBytes(true)).isEqualTo(s.textBytes() + 839_632_608L);
        // ggml-org/gemma-3-4b-it-GGUF mmproj-model-f16.gguf is 851 MB: within 1.5 % of 2 bytes per vision parameter.
        assertThat((double) s.projectorBytes() / 851_000_000L).isBetween(0.985, 1.0);
        assertThat(GgufSize.of(arch("qwen2.5-7b"), GgufMix.Q4_K_M, false).projectorBytes()).isZero();
    }

    @Test
    void blockSizesAreGgmlsTypeTraits() {
        assertThat(List.of(GgmlType.Q4_K.bitsPerWeight(), GgmlType.Q6_K.bitsPerWeight(), GgmlType.Q8_0.bitsPerWeight(),
                GgmlType.Q2_K.bitsPerWeight(), GgmlType.Q3_K.bitsPerWeight(), GgmlType.IQ4_XS.bitsPerWeight()))
                .containsExactly(4.5, 6.5625, 8.5, 2.625, 3.4375, 4.25);
    }
}
