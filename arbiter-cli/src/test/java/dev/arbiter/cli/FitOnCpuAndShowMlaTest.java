package dev.arbiter.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** fit on a CPU-only board, the batch cap named for the runtime in use, and show's MLA shape. */
class FitOnCpuAndShowMlaTest {
    @Test
    void aRaspberryPiIsSizedWithLlamaCppsCpuBackendAndNoBatchedSpeeds() {
        CliRun fit = CliRun.of("fit", "qwen2.5-1.5b", "--quant", "Q4_K_M", "--hardware", "raspberry-pi-5-8gb", "--context", "4096");
        assertThat(fit.exit()).as(fit.err()).isZero();
        assertThat(fit.out()).contains("llama.cpp CPU backend").doesNotContain("CUDA").doesNotContain("tokens/s (decode only")
                .contains("batched decode is not estimated on raspberry-pi-5-8gb");
        CliRun json = CliRun.of("fit", "qwen2.5-1.5b", "--hardware", "raspberry-pi-5-8gb", "--context", "4096", "--format", "json");
        assertThat(json.json().get("batched").has("points")).isFalse();
        assertThat(json.json().get("batched").get("not_estimated").asText()).contains("compute-bound");
    }

    @Test
    void aBatchCappedOnLlamaCppIsLabelledWithLlamaCppsLimitNotVllms() {
        CliRun fit = CliRun.of("fit", "qwen2.5-7b", "--quant", "Q4_K_M", "--hardware", "m4-max-128gb", "--context", "4096");
        assertThat(fit.out()).contains("llama.cpp's limit of 256 parallel sequences").doesNotContain("vLLM's default max_num_seqs");
        CliRun vllm = CliRun.of("fit", "qwen2.5-7b", "--quant", "BF16", "--runtime", "vllm", "--hardware", "h100-80gb", "--context", "2048");
        assertThat(vllm.out()).contains("vLLM's default max_num_seqs 256");
    }

    @Test
    void showPrintsMlaShapeInsteadOfAZeroHeadDim() {
        CliRun show = CliRun.of("show", "deepseek-v3");
        assertThat(show.out()).contains("128 heads, MLA (q LoRA rank 1536, KV LoRA rank 512, qk head dim 128 nope + 64 rope, v head dim 128)")
                .doesNotContain("× 0");
        assertThat(CliRun.of("show", "qwen2.5-7b").out()).contains("28 heads / 4 KV heads × 128");
    }
}
