package dev.arbiter.recommend;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.CatalogLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServeCommandTest {
    private static final Catalog CATALOG = new CatalogLoader().bundled();

    private static FitOutcome on(String runtime, String quant, int gpus) {
        return new FitOutcome(true, quant, 1, 2, 10.0, "fits", runtime, gpus);
    }

    @Test
    void oneNodeIsServedTensorParallelOverAllItsGpus() {
        assertThat(ServeCommand.of(CATALOG.get("qwen2.5-72b"), on("vllm", "BF16", 8), 8192, true))
                .isEqualTo("vllm serve Qwen/Qwen2.5-72B-Instruct --tensor-parallel-size 8 --max-model-len 8192");
    }

    @Test
    void headsThatDoNotDivideAndSecondNodesBecomePipelineStagesAsTheFitAssumed() {
        // Qwen2.5-7B has 28 heads: 8 GPUs are TP 4 × PP 2; DeepSeek-V3 on 16 GPUs is TP 8 per node × 2 stages.
        assertThat(ServeCommand.of(CATALOG.get("qwen2.5-7b"), on("vllm", "BF16", 8), 8192, true))
                .contains("--tensor-parallel-size 4 --pipeline-parallel-size 2");
        assertThat(ServeCommand.of(CATALOG.get("deepseek-v3"), on("sglang", "FP8", 16), 8192, true))
                .contains("--tp 8 --pp-size 2");
    }

    @Test
    void beyondQwen25sNativeWindowTheVllmCommandSwitchesOnYarn() {
        // Qwen2.5-Coder-32B's config.json: max_position_embeddings 32768, no rope_scaling — vLLM refuses a longer
        // --max-model-len. The card enables 128K with YaRN, factor 4 over 32,768 positions.
        assertThat(ServeCommand.of(CATALOG.get("qwen2.5-coder-32b"), on("vllm", "BF16", 2), 65536, true))
                .isEqualTo("vllm serve Qwen/Qwen2.5-Coder-32B-Instruct --tensor-parallel-size 2 --hf-overrides "
                        + "'{\"rope_parameters\": {\"rope_type\": \"yarn\", \"factor\": 4.0, \"original_max_position_embeddings\": 32768, \"rope_theta\": 1000000}}' "
                        + "--max-model-len 65536");
        // within the native window nothing is added (static YaRN would slightly hurt short texts)
        assertThat(ServeCommand.of(CATALOG.get("qwen2.5-coder-32b"), on("vllm", "BF16", 2), 32768, true)).doesNotContain("rope");
    }

    @Test
    void beyondQwen25sNativeWindowLlamaCppGetsTheYarnFlagsAndOllamaIsToldItCannot() {
        String cmd = ServeCommand.of(CATALOG.get("qwen2.5-7b"), on("llama.cpp", "Q4_K_M", 1), 131072, true);
        assertThat(cmd).startsWith("llama-server -m qwen2.5-7b-Q4_K_M.gguf -ngl 999 -c 131072 --rope-scaling yarn --rope-scale 4.0 --yarn-orig-ctx 32768")
                .contains("Ollama has no YaRN setting");
        assertThat(ServeCommand.of(CATALOG.get("qwen2.5-7b"), on("llama.cpp", "Q4_K_M", 1), 16384, true)).doesNotContain("yarn");
    }

    @Test
    void everyCatalogueModelLongerThanItsNativeWindowSaysHowWithASource() {
        // Qwen2.5 7B–72B and Coder 7B–32B state 131,072 tokens over 32,768 native positions; the others' configs carry
        // their own RoPE scaling (Gemma 3, Llama 4, DeepSeek V3) or native positions (Mistral).
        for (var m : CATALOG.models()) {
            boolean qwenLong = m.id().startsWith("qwen2.5-") && m.contextLength() > 32768 && !m.id().contains("vl");
            assertThat(m.contextExtension() != null).as(m.id()).isEqualTo(qwenLong);
            if (m.contextExtension() != null) {
                assertThat(m.contextExtension().factor() * m.contextExtension().nativeContext()).as(m.id()).isEqualTo((double) m.contextLength());
                assertThat(m.contextExtension().source()).as(m.id()).startsWith("https://huggingface.co/Qwen/");
            }
        }
    }

    /** Images sent: llama-server needs the projector file the fit counted; text only, or a text-only model: none. */
    @Test
    void llamaServerIsGivenTheVisionProjectorWhenImagesAreSent() {
        assertThat(ServeCommand.of(CATALOG.get("gemma-3-12b"), on("llama.cpp", "Q4_K_M", 1), 8192, true, true))
                .startsWith("llama-server -m gemma-3-12b-Q4_K_M.gguf --mmproj mmproj-gemma-3-12b-F16.gguf -ngl 999 -c 8192");
        assertThat(ServeCommand.of(CATALOG.get("gemma-3-12b"), on("llama.cpp", "Q4_K_M", 1), 8192, true, false)).doesNotContain("mmproj");
        assertThat(ServeCommand.of(CATALOG.get("qwen2.5-7b"), on("llama.cpp", "Q4_K_M", 1), 8192, true, true)).doesNotContain("mmproj");
    }

    @Test
    void noOllamaLineForAModelOllamaDoesNotRun() {
        assertThat(ServeCommand.of(CATALOG.get("qwen2.5-math-7b"), on("llama.cpp", "Q4_K_M", 1), 4096, true))
                .startsWith("llama-server").doesNotContain("Ollama");
        assertThat(ServeCommand.of(CATALOG.get("qwen2.5-7b"), on("llama.cpp", "Q4_K_M", 1), 4096, true)).contains("Ollama: set num_ctx 4096");
    }

    @Test
    void noCommandForAStackTheModelDoesNotRunButTheReason() {
        assertThat(ServeCommand.of(CATALOG.get("llama-guard-4-12b"), on("llama.cpp", "F16", 1), 4096, true))
                .startsWith("no llama.cpp command: the catalogue lists no llama.cpp support for llama-guard-4-12b")
                .contains("Hugging Face transformers").doesNotContain("llama-server");
        assertThat(ServeCommand.of(CATALOG.get("pixtral-large"), on("vllm", "INT4", 1), 8192, true)).startsWith("vllm serve");
    }
}
