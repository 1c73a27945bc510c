package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** recommend end to end on the bundled catalogue: the article's guide, corrected where its arithmetic is wrong. */
class RecommendCommandTest {
    static JsonNode recommend(String... args) {
        List<String> all = new ArrayList<>(List.of("recommend", "--format", "json"));
        all.addAll(List.of(args));
        CliRun r = CliRun.of(all.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return r.json();
    }

    static JsonNode exclusion(JsonNode result, String model) {
        for (JsonNode e : result.get("excluded")) if (e.get("model").asText().equals(model)) return e;
        throw new AssertionError(model + " is not excluded: " + result.get("recommendations"));
    }

    @Test
    void jsonHasRankedRecommendationsWithQuantScoreAndReasonsAndExclusionsWithReasons() {
        JsonNode j = recommend("--hardware", "rtx-4090", "--use-case", "code");
        assertThat(j.get("schema_version").asInt()).isEqualTo(1);
        assertThat(j.get("recommendations").size()).isBetween(1, 5);
        for (JsonNode r : j.get("recommendations")) {
            assertThat(r.get("model").asText()).isNotBlank();
            assertThat(r.get("quant").asText()).isNotBlank();
            assertThat(r.get("score").asDouble()).isBetween(0.0, 100.0);
            assertThat(r.get("reasons").size()).isPositive();
            assertThat(r.get("total_bytes").asLong()).isLessThanOrEqualTo(r.get("available_bytes").asLong());
        }
        for (JsonNode e : j.get("excluded")) assertThat(e.get("reason").asText()).isNotBlank();
    }

    @Test
    void aThirtyTwoGigabyteCardDoesNotRunScoutAtInt4AsTheArticleClaims() {
        JsonNode e = exclusion(recommend("--memory-gib", "32", "--bandwidth-gbs", "1000", "--use-case", "chatbot"), "llama-4-scout");
        assertThat(e.get("constraint").asText()).isEqualTo("fit");
        assertThat(e.get("reason").asText()).contains("32 GB").contains("the claim does not hold");
    }

    @Test
    void eightH100sDoNotHoldDeepSeekV3InFp8SoAnotherQuantisationIsChosen() {
        JsonNode j = recommend("--hardware", "h100-80gb", "--gpus", "8", "--use-case", "chatbot", "--top", "40");
        JsonNode v3 = null;
        for (JsonNode r : j.get("recommendations")) if (r.get("model").asText().equals("deepseek-v3")) v3 = r;
        assertThat(v3).as("deepseek-v3 fits 8×H100 at some quantisation").isNotNull();
        assertThat(v3.get("quant").asText()).isNotIn("FP8", "BF16", "F16", "Q8_0", "INT8");
    }

    @Test
    void theEuRegionExcludesLlama4BecauseItsMultimodalGrantExcludesEuCompanies() {
        JsonNode e = exclusion(recommend("--hardware", "h100-80gb", "--gpus", "8", "--use-case", "chatbot", "--region", "eu"), "llama-4-scout");
        assertThat(e.get("constraint").asText()).isEqualTo("region");
        assertThat(e.get("reason").asText()).contains("multimodal licence grant excludes EU");
    }

    @Test
    void commercialUseExcludesResearchAndNonProductionLicences() {
        JsonNode j = recommend("--hardware", "h100-80gb", "--gpus", "8", "--use-case", "code", "--license", "commercial");
        assertThat(exclusion(j, "mistral-large-2").get("constraint").asText()).isEqualTo("license");
        assertThat(exclusion(j, "codestral-22b").get("constraint").asText()).isEqualTo("license");
        assertThat(exclusion(j, "qwen2.5-3b").get("constraint").asText()).isEqualTo("license");
    }

    @Test
    void visionNeedsImageInputAndGuardrailsRanksOnlyGuardModels() {
        JsonNode vision = recommend("--hardware", "a100-80gb", "--use-case", "vision");
        for (JsonNode r : vision.get("recommendations")) assertThat(r.get("model").asText()).doesNotStartWith("qwen2.5-7b");
        assertThat(exclusion(vision, "qwen2.5-7b").get("constraint").asText()).isEqualTo("modality");
        JsonNode guard = recommend("--hardware", "rtx-4090", "--use-case", "guardrails");
        for (JsonNode r : guard.get("recommendations")) assertThat(r.get("model").asText()).isEqualTo("llama-guard-4-12b");
        // ShieldGemma 2 classifies images only: it filters uploads, not prompts and replies
        assertThat(exclusion(guard, "shieldgemma-2-4b").get("constraint").asText()).isEqualTo("use_case");
        // both guard models pass the use case's constraints; neither runs on llama.cpp or vLLM per the catalogue
        // (serving: transformers only), so both stop at fit with that reason rather than get a command that fails
        JsonNode images = recommend("--hardware", "rtx-4090", "--use-case", "image-guardrails");
        for (String m : new String[]{"shieldgemma-2-4b", "llama-guard-4-12b"}) {
            assertThat(exclusion(images, m).get("constraint").asText()).isEqualTo("fit");
            assertThat(exclusion(images, m).get("reason").asText()).contains("no runtime");
        }
    }

    @Test
    void ragNeedsALongContextModel() {
        JsonNode j = recommend("--hardware", "a100-80gb", "--use-case", "rag");
        assertThat(exclusion(j, "qwen2.5-1.5b").get("constraint").asText()).isEqualTo("context");
    }

    @Test
    void aPhoneGetsOnlySmallModels() {
        JsonNode j = recommend("--hardware", "phone-8gb", "--use-case", "edge");
        assertThat(j.get("recommendations").size()).isPositive();
        for (JsonNode r : j.get("recommendations")) {
            assertThat(r.get("total_bytes").asLong()).isLessThan(8L << 30);
        }
    }

    @Test
    void badInputExitsTwoWithAMessage() {
        assertThat(CliRun.of("recommend", "--hardware", "rtx-9999", "--use-case", "code").exit()).isEqualTo(ExitCode.BAD_INPUT);
        CliRun uc = CliRun.of("recommend", "--hardware", "rtx-4090", "--use-case", "poetry");
        assertThat(uc.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(uc.err()).contains("unknown use case 'poetry'");
        assertThat(CliRun.of("recommend", "--hardware", "rtx-4090", "--use-case", "code", "--min-context", "-5").exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(CliRun.of("recommend", "--use-case", "code").exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(CliRun.of("recommend", "--hardware", "rtx-4090", "--use-case", "code", "--license", "free").exit()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void zeroGpusIsRefusedInsteadOfRecommendingNothing() {
        CliRun r = CliRun.of("recommend", "--hardware", "h100-80gb", "--gpus", "0", "--use-case", "code");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("--gpus").contains("1 or more");
        assertThat(CliRun.of("recommend", "--hardware", "h100-80gb", "--top", "0", "--use-case", "code").exit()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void anUnknownRegionLanguageOrUseCaseIsRefusedWithADidYouMean() {
        CliRun region = CliRun.of("recommend", "--hardware", "rtx-4090", "--use-case", "code", "--region", "xx");
        assertThat(region.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(region.err()).contains("--region 'xx'");
        CliRun euu = CliRun.of("recommend", "--hardware", "rtx-4090", "--use-case", "code", "--region", "euu");
        assertThat(euu.err()).contains("did you mean").contains("eu");
        CliRun lang = CliRun.of("recommend", "--hardware", "rtx-4090", "--use-case", "code", "--language", "xx");
        assertThat(lang.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(lang.err()).contains("--language 'xx'");
        CliRun uc = CliRun.of("recommend", "--hardware", "rtx-4090", "--use-case", "cod");
        assertThat(uc.err()).contains("did you mean code");
    }

    @Test
    void hardwareAutoSaysWhatItFoundAndUsesTheMatchingProfileAndGpuCount() {
        HardwareMixin.detector = new dev.arbiter.fit.HardwareDetector(
                cmd -> cmd.get(0).equals("nvidia-smi")
                        ? java.util.Optional.of("NVIDIA GeForce RTX 4090, 24564\nNVIDIA GeForce RTX 4090, 24564\n")
                        : java.util.Optional.empty(),
                f -> java.util.Optional.empty(), dev.arbiter.fit.HardwareCatalog.bundled());
        try {
            CliRun r = CliRun.of("recommend", "--hardware", "auto", "--use-case", "code", "--format", "json");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err()).contains("hardware: detected 2 × NVIDIA GeForce RTX 4090").contains("profile rtx-4090");
            assertThat(r.json().get("hardware").get("id").asText()).isEqualTo("rtx-4090");
            assertThat(r.json().get("hardware").get("gpus").asInt()).isEqualTo(2);
        } finally {
            HardwareMixin.detector = null;
        }
    }
}
