package dev.arbiter.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ParamCounterTest {

    @Test
    void countsATinyDenseModelTensorByTensor() {
        // 2 layers, hidden 8, 2 heads × 4, 1 kv head × 4, vocab 10, tied, FFN 16, no bias.
        // embedding 10×8 = 80; per layer q 8×8=64, k 8×4=32, v 32, o 64 → 192; FFN 3×8×16 = 384; norms 2×8 = 16.
        // total = 80 + 2×(192+384+16) + 8 (final norm) = 80 + 1184 + 8 = 1272.
        Architecture a = new Architecture(2, 8, 2, 1, 4, 10, true, 16, false, null, null, null, 0, null, "test");
        ParamCount c = ParamCounter.count(a);
        assertThat(c.total()).isEqualTo(1272);
        assertThat(c.active()).isEqualTo(1272);
        assertThat(c.attention()).isEqualTo(384);
        assertThat(c.embedding()).isEqualTo(80);
    }

    @Test
    void addsTheOutputHeadAndQkvBiasWhenUntiedAndBiased() {
        // Same as above, untied (+80) and with q/k/v bias (2+1+1 heads × 4 = 16 per layer, +32): 1272 + 80 + 32.
        Architecture a = new Architecture(2, 8, 2, 1, 4, 10, false, 16, true, null, null, null, 0, null, "test");
        assertThat(ParamCounter.count(a).total()).isEqualTo(1384);
    }

    @Test
    void countsRoutedExpertsInTotalButOnlyTheChosenOnesAsActive() {
        // 2 layers, hidden 8, heads as above (attention 192/layer), vocab 10 tied, dense FFN 16, MoE from layer 1
        // (first_dense 1): 4 experts (2 active) + 1 shared, expert FFN 6 → one expert 3×8×6 = 144, router 8×4 = 32.
        // layer 0 dense: 192 + 384 + 16 = 592. layer 1 total: 192 + 4×144 + 144 + 32 + 16 = 960; active: 192 + 2×144 + 144 + 32 + 16 = 672.
        // total = 80 + 592 + 960 + 8 = 1640; active = 80 + 592 + 672 + 8 = 1352.
        Architecture a = new Architecture(2, 8, 2, 1, 4, 10, true, 16, false, new Moe(4, 2, 1, 6, 1, 1),
                null, null, 0, null, "test");
        ParamCount c = ParamCounter.count(a);
        assertThat(c.total()).isEqualTo(1640);
        assertThat(c.active()).isEqualTo(1352);
    }

    @Test
    void countsLatentAttentionWithAndWithoutQueryCompression() {
        // hidden 8, 2 heads, MLA q_lora 4, kv_lora 3, nope 2, rope 1, v 2:
        // q = 8×4 + 4 + 4×2×(2+1) = 60; kv_a = 8×(3+1) + 3 = 35; kv_b = 3×2×(2+2) = 24; o = 2×2×8 = 32 → 151.
        // Without q compression: q = 8×2×3 = 48 → 48 + 35 + 24 + 32 = 139.
        Architecture withLora = new Architecture(1, 8, 2, 2, 0, 10, true, 16, false, null, null,
                new Mla(4, 3, 2, 1, 2), 0, null, "test");
        Architecture plain = new Architecture(1, 8, 2, 2, 0, 10, true, 16, false, null, null,
                new Mla(0, 3, 2, 1, 2), 0, null, "test");
        assertThat(ParamCounter.count(withLora).attention()).isEqualTo(151);
        assertThat(ParamCounter.count(plain).attention()).isEqualTo(139);
    }

    @Test
    void matchesQwen25_7bExactly() {
        // embeddings 152064×3584 = 544,997,376, ×2 untied = 1,089,994,752.
        // per layer: q,o 3584×3584 = 12,845,056 each; k,v 3584×512 = 1,835,008 each; bias (28+8)×128 = 4,608
        //   → attention 29,364,736; FFN 3×3584×18944 = 203,685,888; norms 7,168 → 233,057,792; ×28 = 6,525,618,176.
        // total = 1,089,994,752 + 6,525,618,176 + 3,584 = 7,615,616,512 — the safetensors count Hugging Face shows.
        ParamCount c = ParamCounter.count(KnownArchitectures.qwen25_7b());
        assertThat(c.total()).isEqualTo(7_615_616_512L);
        assertThat(c.active()).isEqualTo(c.total());
        assertThat(c.readPerToken()).isEqualTo(7_615_616_512L - 544_997_376L);
    }

    @Test
    void matchesDeepSeekV3At671BTotalAnd37BActive() {
        // MLA attention per layer: q 7168×1536 + 1536 + 1536×128×192 = 48,760,320; kv_a 7168×576 + 512 = 4,129,280;
        //   kv_b 512×128×256 = 16,777,216; o 128×128×7168 = 117,440,512 → 187,107,328.
        // dense layer (×3): 187,107,328 + 3×7168×18432 + 14,336 = 583,483,392.
        // MoE layer (×58): expert 3×7168×2048 = 44,040,192; 256 routed + 1 shared + router 7168×256 + norms
        //   → 11,507,286,016 total, 585,318,400 active (8 routed).
        // embeddings 2×129280×7168 = 1,853,358,080; final norm 7,168.
        // total = 1,853,358,080 + 3×583,483,392 + 58×11,507,286,016 + 7,168 = 671,026,404,352 (DeepSeek: "671B").
        // active = 1,853,358,080 + 1,750,450,176 + 58×585,318,400 + 7,168 = 37,552,282,624 (DeepSeek: "37B activated").
        ParamCount c = ParamCounter.count(KnownArchitectures.deepseekV3());
        assertThat(c.total()).isEqualTo(671_026_404_352L);
        assertThat(c.active()).isEqualTo(37_552_282_624L);
    }

    @Test
    void llama4ScoutTextStackLeavesRoomForTheVisionEncoderInMetas109B() {
        // attention per layer: 2×5120×5120 + 2×5120×1024 = 62,914,560; expert 3×5120×8192 = 125,829,120;
        // layer total = 62,914,560 + 16×125,829,120 + 125,829,120 (shared) + 5120×16 + 10,240 = 2,202,101,760; ×48.
        // embeddings 2×202048×5120 = 2,068,971,520. text total = 107,769,861,120.
        // active layer = 62,914,560 + 2×125,829,120 + 81,920 + 10,240 = 314,664,960 → active 17,172,894,720.
        // So Meta's "17B active" is the text stack alone and "109B total" includes about 1.2e9 outside it — the
        // vision encoder, which the catalogue carries as extra_params (active excludes it).
        ParamCount text = ParamCounter.count(KnownArchitectures.llama4Scout(0));
        assertThat(text.total()).isEqualTo(107_769_861_120L);
        assertThat(text.active()).isEqualTo(17_172_894_720L);
        assertThat(109e9 - text.total()).isBetween(0.5e9, 1.5e9);

        ParamCount withVision = ParamCounter.count(KnownArchitectures.llama4Scout(1_000_000_000L));
        assertThat(withVision.total()).isEqualTo(text.total() + 1_000_000_000L);
        assertThat(withVision.active()).isEqualTo(text.active());
        assertThat(withVision.total() / 1e9).isCloseTo(109, within(0.5));
    }

    @Test
    void tiedEmbeddingsAreReadInFullAsTheOutputHead() {
        ParamCount c = ParamCounter.count(KnownArchitectures.gemma3_27b());
        assertThat(c.outputHead()).isZero();
        assertThat(c.readPerToken()).isEqualTo(c.active());
    }
}
