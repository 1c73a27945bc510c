package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * recommend checks a fit the way fit does, and refuses the inputs cost and fit refuse: the reviewer's cases where
 * recommend said one thing (a vision setup "fits", costs silently gone, "nothing qualifies") and fit/cost another.
 */
class RecommendAgreesWithFitTest {
    @ParameterizedTest
    @ValueSource(strings = {"raspberry-pi-5-8gb", "phone-8gb", "jetson-orin-nano-8gb"})
    void everyVisionRecommendationFitsAsFitWithImagesSaysItDoes(String hardware) {
        CliRun rec = CliRun.of("recommend", "--hardware", hardware, "--use-case", "vision", "--top", "10", "--format", "json");
        assertThat(rec.exit()).as(rec.err()).isZero();
        JsonNode j = rec.json();
        assertThat(j.get("recommendations").size()).isPositive();
        for (JsonNode r : j.get("recommendations")) {
            CliRun fit = CliRun.of("fit", r.get("model").asText(), "--quant", r.get("quant").asText(), "--hardware", hardware,
                    "--context", j.get("context").asText(), "--images", "--format", "json");
            assertThat(fit.exit()).as(fit.err()).isZero();
            assertThat(fit.json().get("fits").asBoolean()).as(r.get("model") + " " + r.get("quant") + " on " + hardware).isTrue();
            assertThat(r.get("total_bytes").asLong()).isEqualTo(fit.json().get("per_gpu_bytes").asLong());
        }
    }

    @Test
    void poolingPhonesIsRefusedAsFitRefusesIt() {
        CliRun rec = CliRun.of("recommend", "--hardware", "phone-8gb", "--gpus", "2", "--use-case", "edge");
        CliRun fit = CliRun.of("fit", "qwen2.5-1.5b", "--hardware", "phone-8gb", "--gpus", "2");
        assertThat(rec.exit()).isEqualTo(2);
        assertThat(rec.err()).contains("--gpus 2 is not possible on phone-8gb (phone)", "only GPUs can be pooled");
        assertThat(fit.err().strip()).isEqualTo(rec.err().strip());
    }

    @Test
    void unusablePriceInputExitsTwoWithTheMessageCostGives() throws Exception {
        Path negative = Files.createTempFile("prices", ".yaml");
        Files.writeString(negative, "prices:\n  - hardware: rtx-4090\n    rent:\n      node_usd_per_hour: -5\n      gpus_per_node: 1\n"
                + "      provider: x\n      offer: y\n      read: 2026-01-01\n      source: https://example.com\n");
        String[][] cases = {{"--prices", "/nonexistent.yaml"}, {"--ownership", "buy"}, {"--currency", "EUR"}, {"--rate", "0.9"},
                {"--prices", negative.toString()}};
        for (String[] bad : cases) {
            CliRun rec = CliRun.of("recommend", "--hardware", "rtx-4090", "--use-case", "code", bad[0], bad[1]);
            CliRun cost = CliRun.of("cost", "qwen2.5-7b", "--hardware", "rtx-4090", bad[0], bad[1]);
            assertThat(rec.exit()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(cost.exit()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(rec.err()).as(String.join(" ", bad)).isEqualTo(cost.err());
        }
    }

    @Test
    void hardwareWithNoPriceLeavesTheCostColumnOutAndSaysSo() {
        CliRun rec = CliRun.of("recommend", "--hardware", "raspberry-pi-5-8gb", "--use-case", "edge", "--format", "json");
        assertThat(rec.exit()).as(rec.err()).isZero();
        assertThat(rec.err()).contains("no price for raspberry-pi-5-8gb in the price list, so no cost column");
        assertThat(rec.json().get("notes").toString()).contains("no cost column");
    }

    @Test
    void aModelNoLocalRuntimeRunsIsNotOfferedAndTheExclusionSaysWhy() {
        JsonNode j = RecommendCommandTest.recommend("--hardware", "rtx-4090", "--use-case", "guardrails");
        for (JsonNode r : j.get("recommendations")) assertThat(r.get("model").asText()).isNotEqualTo("llama-guard-4-12b");
        JsonNode e = RecommendCommandTest.exclusion(j, "llama-guard-4-12b");
        assertThat(e.get("reason").asText()).contains("no runtime", "Hugging Face transformers");
    }

    @Test
    void pixtralLargeIsServedOnVllmOnlyAndNeverSizedOnLlamaCpp() {
        JsonNode j = RecommendCommandTest.recommend("--hardware", "h100-80gb", "--use-case", "vision", "--top", "40");
        JsonNode found = null;
        for (JsonNode r : j.get("recommendations")) if (r.get("model").asText().equals("pixtral-large")) found = r;
        for (JsonNode r : j.get("also_fits")) if (r.get("model").asText().equals("pixtral-large")) found = r;
        assertThat(found).as("pixtral-large fits one H100 at INT4 on vLLM").isNotNull();
        assertThat(found.toString()).contains("vllm").doesNotContain("llama-server", "Ollama");
        JsonNode small = RecommendCommandTest.recommend("--hardware", "rtx-4090", "--use-case", "vision");
        assertThat(RecommendCommandTest.exclusion(small, "pixtral-large").get("reason").asText())
                .contains("even at INT4 on vllm").doesNotContain("Q2_K", "-ngl");
    }

    @Test
    void fitWarnsWhenTheCatalogueListsNoSupportForItsRuntime() {
        CliRun fit = CliRun.of("fit", "llama-guard-4-12b", "--hardware", "rtx-4090", "--format", "json");
        assertThat(fit.exit()).isZero();
        assertThat(fit.err()).contains("warning: the catalogue lists no llama.cpp support for llama-guard-4-12b");
        assertThat(fit.json().get("runtime_warning").asText()).contains("no llama.cpp support");
        assertThat(CliRun.of("fit", "qwen2.5-7b", "--hardware", "rtx-4090").err()).doesNotContain("warning");
    }
}
