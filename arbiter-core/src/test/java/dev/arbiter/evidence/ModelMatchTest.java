package dev.arbiter.evidence;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelMatchTest {
    private static final List<String> IDS = List.of("qwen2.5-7b", "qwen2.5-72b", "qwen2.5-coder-7b", "llama-4-scout",
            "llama-4-maverick", "gemma-3-27b", "deepseek-v3");

    @Test
    void servedNamesInTheUsualSpellingsPointAtTheirCatalogueId() {
        assertThat(ModelMatch.propose("Qwen/Qwen2.5-7B-Instruct", IDS)).contains("qwen2.5-7b");
        assertThat(ModelMatch.propose("qwen2.5:7b", IDS)).contains("qwen2.5-7b");
        assertThat(ModelMatch.propose("qwen2.5-coder:7b-instruct-q4_K_M", IDS)).contains("qwen2.5-coder-7b");
        assertThat(ModelMatch.propose("meta-llama/Llama-4-Scout-17B-16E-Instruct", IDS)).contains("llama-4-scout");
        assertThat(ModelMatch.propose("google/gemma-3-27b-it", IDS)).contains("gemma-3-27b");
    }

    @Test
    void aNameThatMatchesNothingProposesNothing() {
        assertThat(ModelMatch.propose("my-finetune", IDS)).isEmpty();
        assertThat(ModelMatch.propose("qwen2.5", IDS)).isEmpty();  // too short to say which size
        assertThat(ModelMatch.propose(null, IDS)).isEmpty();
    }

    @Test
    void evidenceMeasuresOnlyTheExactModelQuantHardwareAndGpuCount() {
        Evidence e = new Evidence("r", null, "http://h", "Qwen/Qwen2.5-7B-Instruct", "qwen2.5-7b", "qwen2.5-7b", "INT4",
                "rtx-4090", 1, 12.5, 80.0, 900.0, "concurrency 32");
        assertThat(e.measures("qwen2.5-7b", "int4", "rtx-4090", 1)).isTrue();
        assertThat(e.measures("qwen2.5-7b", "INT4", "rtx-4090", 2)).isFalse();
        assertThat(e.measures("qwen2.5-7b", "FP8", "rtx-4090", 1)).isFalse();
        Evidence unconfirmed = new Evidence("r", null, "http://h", "Qwen/Qwen2.5-7B-Instruct", null, "qwen2.5-7b", "INT4",
                "rtx-4090", 1, 12.5, 80.0, 900.0, "concurrency 32");
        assertThat(unconfirmed.measures("qwen2.5-7b", "INT4", "rtx-4090", 1)).isFalse();
    }
}
