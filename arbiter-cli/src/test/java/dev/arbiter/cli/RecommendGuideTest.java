package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests of recommend for the article's guide scenarios (phone, 24 GB GPU, 80 GB GPU, 8×H100; code, chatbot,
 * RAG, French/GDPR, edge): the top of each ranking with its interval, checked against the method's invariants.
 */
class RecommendGuideTest {
    static JsonNode recommend(String... args) {
        List<String> all = new ArrayList<>(List.of("recommend", "--format", "json"));
        all.addAll(List.of(args));
        CliRun r = CliRun.of(all.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return r.json();
    }

    static List<String> top(JsonNode j) { return j.get("recommendations").findValuesAsText("model"); }

    /** Every row: an interval around the score, a rank range, a licence use, and ≈ exactly where intervals overlap. */
    static void wellFormed(JsonNode j) {
        JsonNode prev = null;
        for (JsonNode r : j.get("recommendations")) {
            assertThat(r.get("score_low").asDouble()).isLessThanOrEqualTo(r.get("score").asDouble());
            assertThat(r.get("score_high").asDouble()).isGreaterThanOrEqualTo(r.get("score").asDouble());
            assertThat(r.get("rank_low").asInt()).isLessThanOrEqualTo(r.get("rank_high").asInt());
            assertThat(r.get("license_use").asText()).isIn("allowed", "needs_agreement", "research_only");
            if (prev != null) {
                boolean overlap = prev.get("score_low").asDouble() <= r.get("score_high").asDouble() + 0.5;
                assertThat(r.get("tied").asBoolean()).as(r.get("model").asText()).isEqualTo(overlap);
            }
            prev = r;
        }
    }

    @Test
    void rtx4090ForCodeRanksQwenCoderFirstAndCodestralBelowTheCoderModelsThatPublishMore() {
        JsonNode j = recommend("--hardware", "rtx-4090", "--use-case", "code", "--top", "30");
        wellFormed(j);
        List<String> ids = top(j);
        assertThat(ids.get(0)).isEqualTo("qwen2.5-coder-32b");
        assertThat(ids.indexOf("qwen2.5-coder-14b")).isLessThan(ids.indexOf("codestral-22b"));
        JsonNode first = j.get("recommendations").get(0);
        assertThat(first.get("axes").get("code").get("coverage").asDouble()).isEqualTo(1.0);
        assertThat(first.get("axes").get("knowledge").get("basis").asText()).isEqualTo("estimated");
    }

    @Test
    void h100ForCodeRanksMistralLargeOnceAndSaysItNeedsAnAgreementOnItsRow() {
        JsonNode j = recommend("--hardware", "h100-80gb", "--use-case", "code", "--top", "30");
        wellFormed(j);
        assertThat(top(j)).contains("mistral-large-2").doesNotContain("mistral-large-2407");
        for (JsonNode r : j.get("recommendations")) {
            if (r.get("model").asText().equals("mistral-large-2")) {
                assertThat(r.get("license_use").asText()).isEqualTo("needs_agreement");
                assertThat(r.get("also_covers").get(0).asText()).isEqualTo("mistral-large-2407");
            }
        }
        CliRun text = CliRun.of("recommend", "--hardware", "h100-80gb", "--use-case", "code", "--top", "30");
        assertThat(text.out()).containsPattern("mistral-large-2 .*needs_agreement \\(Mistral AI Research License");
    }

    @Test
    void eightH100sForAChatbotKeepEveryRowWithinTheNodeAndRankWithIntervals() {
        JsonNode j = recommend("--hardware", "h100-80gb", "--gpus", "8", "--use-case", "chatbot", "--license", "commercial");
        wellFormed(j);
        for (JsonNode r : j.get("recommendations")) assertThat(r.get("license_use").asText()).isEqualTo("allowed");
        assertThat(top(j)).isNotEmpty();
    }

    @Test
    void eachRecommendationPrintsTheCommandThatServesIt() {
        for (JsonNode r : recommend("--hardware", "h100-80gb", "--gpus", "8", "--use-case", "chatbot").get("recommendations")) {
            String serve = r.get("serve").asText();
            if (serve.startsWith("vllm serve")) assertThat(serve).contains("--tensor-parallel-size 8").contains("--max-model-len 8192");
            else if (serve.startsWith("python -m sglang")) assertThat(serve).contains("--tp 8").contains("--context-length 8192");
            else assertThat(serve).startsWith("llama-server").contains("-ngl 999").contains("-c 8192").contains("num_ctx 8192");
        }
        for (JsonNode r : recommend("--hardware", "rtx-4090", "--use-case", "code").get("recommendations")) {
            assertThat(r.get("serve").asText()).containsAnyOf("llama-server -m " + r.get("model").asText(), "vllm serve");
        }
        assertThat(CliRun.of("recommend", "--hardware", "rtx-4090", "--use-case", "code").out()).contains("serve: ");
    }

    @Test
    void aPhoneIsToldToKeepEveryLayerOnTheCpuAndDeepSeekIsServedWithSglang() {
        for (JsonNode r : recommend("--hardware", "phone-8gb", "--use-case", "edge").get("recommendations")) {
            assertThat(r.get("serve").asText()).contains("-ngl 0").doesNotContain("-ngl 999");
        }
        JsonNode node = recommend("--hardware", "h200", "--gpus", "8", "--use-case", "chatbot", "--top", "40");
        List<String> deepseek = new ArrayList<>();
        for (JsonNode r : node.get("recommendations")) if (r.get("model").asText().startsWith("deepseek")) deepseek.add(r.get("serve").asText());
        for (JsonNode r : node.get("also_fits")) if (r.path("model").asText().startsWith("deepseek") && r.has("serve")) deepseek.add(r.get("serve").asText());
        assertThat(deepseek).isNotEmpty().allSatisfy(s -> assertThat(s).satisfiesAnyOf(
                x -> assertThat(x).startsWith("python -m sglang.launch_server").contains("--tp 8"),
                x -> assertThat(x).startsWith("llama-server")));
    }

    @Test
    void a100ForRagNeedsLongContextModels() {
        JsonNode j = recommend("--hardware", "a100-80gb", "--use-case", "rag");
        wellFormed(j);
        for (JsonNode r : j.get("recommendations")) assertThat(r.get("axes").has("multimodality")).isTrue();
        assertThat(j.get("excluded").findValuesAsText("model")).contains("qwen2.5-1.5b");
    }

    @Test
    void frenchUnderGdprOnAnA100KeepsFrenchSpeakingModelsDeployableInTheEu() {
        JsonNode j = recommend("--hardware", "a100-80gb", "--use-case", "french", "--region", "eu", "--license", "commercial");
        wellFormed(j);
        assertThat(top(j)).isNotEmpty().noneMatch(id -> id.startsWith("llama-4")).noneMatch(id -> id.startsWith("mistral"));
    }

    @Test
    void aPhoneForEdgeGetsSmallModelsOnly() {
        JsonNode j = recommend("--hardware", "phone-8gb", "--use-case", "edge");
        wellFormed(j);
        for (JsonNode r : j.get("recommendations")) assertThat(r.get("total_bytes").asLong()).isLessThan(8L << 30);
    }

    @Test
    void memoryAloneRanksOnQualityAndSaysTheSpeedIsUnknown() {
        JsonNode j = recommend("--memory-gib", "32", "--use-case", "chatbot");
        wellFormed(j);
        assertThat(j.get("speed_known").asBoolean()).isFalse();
        for (JsonNode r : j.get("recommendations")) {
            assertThat(r.get("axes").has("efficiency")).isFalse();
            assertThat(r.get("speed_basis").asText()).isEqualTo("unknown");
        }
        CliRun text = CliRun.of("recommend", "--memory-gib", "32", "--use-case", "chatbot");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("Speed unknown").contains("efficiency axis is left out");
    }

    @Test
    void modelsPastTopAreAlsoFitsAndExcludedHoldsOnlyExclusions() {
        CliRun text = CliRun.of("recommend", "--hardware", "h100-80gb", "--use-case", "code");
        assertThat(text.out()).contains("Also fits (ranked past --top 5):").doesNotContain("raise --top");
        JsonNode j = recommend("--hardware", "h100-80gb", "--use-case", "code");
        assertThat(j.get("excluded").findValuesAsText("constraint")).doesNotContain("rank");
        assertThat(j.get("also_fits").size()).isPositive();
    }

    @Test
    void explainPrintsTheMethodAndEveryFigure() {
        CliRun r = CliRun.of("recommend", "--hardware", "rtx-4090", "--use-case", "code", "--explain");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Method:").contains("standard score against the catalogue")
                .contains("humaneval 92.7 (tuned, z ").contains("missing axis");
    }

    @Test
    void theSameTokensPerSecondIsRoundedTheSameWayOnEveryLine() {
        JsonNode j = recommend("--hardware", "h100-80gb", "--use-case", "code");
        for (JsonNode r : j.get("recommendations")) {
            double tps = r.get("decode_tokens_per_s").asDouble();
            assertThat(tps).isEqualTo(tps >= 10 ? Math.rint(tps) : Math.rint(tps * 10) / 10);
            assertThat(r.get("axes").get("efficiency").get("note").asText()).startsWith(String.format(java.util.Locale.ROOT, "~%.0f tok/s", tps));
        }
    }
}
