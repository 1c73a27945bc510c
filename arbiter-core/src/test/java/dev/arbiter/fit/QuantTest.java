package dev.arbiter.fit;

import dev.arbiter.catalog.Architecture;
import dev.arbiter.catalog.KnownArchitectures;
import dev.arbiter.catalog.ParamCount;
import dev.arbiter.catalog.ParamCounter;
import dev.arbiter.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class QuantTest {
    private static final double GIB = 1L << 30;
    private static final ParamCount QWEN = ParamCounter.count(KnownArchitectures.qwen25_7b());

    // Real GGUF sizes as llama.cpp itself reports them when loading ("model size = X GiB (Y BPW)").
    // Qwen2-7B, Qwen2.5-7B and DeepSeek-R1-Distill-Qwen-7B share every tensor shape (7.62 B params).

    @Test
    void q4KmOfAQwen25_7bShapedModelIsWithinTwoPercentOfTheRealFile() {
        // llama.cpp load log for DeepSeek-R1-Distill-Qwen-7B Q4_K_M: "model size = 4.36 GiB (4.91 BPW)".
        // Ours: 7,615,616,512 × 4.8944 / 8 = 4,659,234,183 B = 4.34 GiB.
        assertThat(Quant.Q4_K_M.weightBytes(QWEN) / GIB).isCloseTo(4.36, within(4.36 * 0.02));
    }

    @Test
    void q3KmOfQwen25_7bIsWithinTwoPercentOfTheRealFile() {
        // llama.cpp load log for qwen2.5-7b-instruct Q3_K_M: "model size = 3.54 GiB (3.99 BPW)"; ours 4.00 bpw → 3.55 GiB.
        assertThat(Quant.Q3_K_M.weightBytes(QWEN) / GIB).isCloseTo(3.54, within(3.54 * 0.02));
    }

    @Test
    void q8_0OfAQwen2_7bShapedModelIsWithinOnePercentOfTheRealFile() {
        // llama.cpp load log for qwen2-7b-instruct Q8_0: "model size = 7.54 GiB (8.50 BPW)".
        assertThat(Quant.Q8_0.weightBytes(QWEN) / GIB).isCloseTo(7.54, within(7.54 * 0.01));
    }

    @Test
    void q5KmOfMistral7bIsWithinTwoPercentOfTheRealFile() {
        // github.com/ggml-org/llama.cpp/issues/5619: mistral-7b-instruct-v0.2.Q5_K_M.gguf, "model params = 7.24 B,
        // model size = 4.78 GiB (5.67 BPW)". Mistral 7B: 32 layers, hidden 4096, 32/8 heads × 128, vocab 32000, FFN 14336.
        Architecture mistral = new Architecture(32, 4096, 32, 8, 128, 32000, false, 14336, false, null, null, null, 0, null,
                "https://huggingface.co/mistralai/Mistral-7B-Instruct-v0.2/blob/main/config.json");
        ParamCount p = ParamCounter.count(mistral);
        assertThat(p.total()).isEqualTo(7_241_732_096L);
        assertThat(Quant.Q5_K_M.weightBytes(p) / GIB).isCloseTo(4.78, within(4.78 * 0.02));
    }

    @Test
    void int4KeepsEmbeddingsAndHeadAt16Bit() {
        // (7,615,616,512 − 2 × 544,997,376) × 4.15625 / 8 + 1,089,994,752 × 2 = 3,390,264,430 + 2,179,989,504
        // (4.15625 bpw: AutoAWQ's WQLinear_GEMM stores int4 weights, and per group of 128 an fp16 scale and a 4-bit
        // zero packed eight to an int32; it was 4.25, as if the zero were 16-bit: 3,466,736,560).
        assertThat(Quant.INT4.weightBytes(QWEN)).isEqualTo(3_390_264_430L + 2_179_989_504L);
        assertThat(Quant.INT4.bodyBits()).isEqualTo(4 + (16 + 4) / 128.0);
    }

    @Test
    void extrasOutsideTheDecoderAreCountedAt16Bit() {
        ParamCount scout = ParamCounter.count(KnownArchitectures.llama4Scout(1_000_000_000L));
        ParamCount text = ParamCounter.count(KnownArchitectures.llama4Scout(0));
        assertThat(Quant.Q4_K_M.weightBytes(scout) - Quant.Q4_K_M.weightBytes(text)).isEqualTo(2_000_000_000L);
    }

    @Test
    void parsesCaseInsensitivelyAndSuggestsOnATypo() {
        assertThat(Quant.parse("q4_k_m")).isEqualTo(Quant.Q4_K_M);
        assertThatThrownBy(() -> Quant.parse("Q4_KM")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("did you mean").hasMessageContaining("q4_k_m");
    }
}
