package dev.arbiter.catalog;

import dev.arbiter.recommend.FitOutcome;
import dev.arbiter.recommend.FitProbe;
import dev.arbiter.recommend.RecommendRequest;
import dev.arbiter.recommend.RecommendResult;
import dev.arbiter.recommend.Recommendation;
import dev.arbiter.recommend.Recommender;
import dev.arbiter.recommend.UseCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The score and language gaps filled in the bundled catalogue: Qwen2.5-Coder figures, Gemma 3 and DeepSeek languages. */
class CatalogDataCTest {
    private static final Catalog CATALOG = new CatalogLoader().bundled();
    private static final String CODER_REPORT = "https://arxiv.org/abs/2409.12186";

    private static Optional<ScoreClaim> vendorClaim(String id, String benchmark) {
        return CATALOG.get(id).scores().stream()
                .filter(s -> s.kind() == ClaimKind.VENDOR && s.benchmark().equals(benchmark))
                .findFirst();
    }

    @ParameterizedTest(name = "{0} humaneval {1}, mbpp {2}, livecodebench {3}")
    @CsvSource({
            "qwen2.5-coder-0.5b, 61.6, 52.4, 2.0",
            "qwen2.5-coder-1.5b, 70.7, 69.2, 6.1",
            "qwen2.5-coder-3b, 84.1, 73.6, 10.8",
            "qwen2.5-coder-7b, 88.4, 83.5, 18.2",
            "qwen2.5-coder-14b, 89.6, 86.2, 23.4",
            "qwen2.5-coder-32b, 92.7, 90.2, 31.4"})
    void everyCoderSizeCarriesTheInstructCodeFiguresOfTheCoderReport(String id, double humaneval, double mbpp,
                                                                    double livecodebench) {
        assertThat(vendorClaim(id, "humaneval")).get().satisfies(s -> {
            assertThat(s.value()).isEqualTo(humaneval);
            assertThat(s.variant()).isEqualTo("instruct");
            assertThat(s.shots()).isZero();
            assertThat(s.metric()).isEqualTo("pass@1");
            assertThat(s.source()).isEqualTo(CODER_REPORT);
        });
        assertThat(vendorClaim(id, "mbpp")).get().satisfies(s -> {
            assertThat(s.value()).isEqualTo(mbpp);
            assertThat(s.source()).isEqualTo(CODER_REPORT);
        });
        assertThat(vendorClaim(id, "livecodebench")).get().satisfies(s -> {
            assertThat(s.value()).isEqualTo(livecodebench);
            assertThat(s.note()).contains("2407-2411");
        });
    }

    @Test
    void coderHumanEvalRisesWithSize() {
        List<Double> byIncreasingSize = List.of("0.5b", "1.5b", "3b", "7b", "14b", "32b").stream()
                .map(size -> vendorClaim("qwen2.5-coder-" + size, "humaneval").orElseThrow().value())
                .toList();
        assertThat(byIncreasingSize).isSorted();
    }

    @Test
    void coder7bMathFiguresComeFromTheLaunchPost() {
        assertThat(vendorClaim("qwen2.5-coder-7b", "math")).get().satisfies(s -> {
            assertThat(s.value()).isEqualTo(66.8);
            assertThat(s.source()).isEqualTo("https://qwenlm.github.io/blog/qwen2.5-coder/");
        });
        assertThat(vendorClaim("qwen2.5-coder-7b", "gsm8k")).get().extracting(ScoreClaim::value).isEqualTo(86.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemma-3-1b", "gemma-3-4b", "gemma-3-12b", "gemma-3-27b"})
    void gemma3ListsTheGlobalMmluLiteLanguagesAndSaysWhere(String id) {
        Model m = CATALOG.get(id);
        assertThat(m.languages()).hasSize(15)
                .contains("en", "fr", "de", "es", "it", "pt", "ja", "ko", "zh", "ar", "hi");
        assertThat(m.notes()).contains("Global-MMLU-Lite").contains("2503.19786");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deepseek-v3", "deepseek-v3-0324", "deepseek-r1"})
    void deepseekNamesEnglishAndChineseOnly(String id) {
        assertThat(CATALOG.get(id).languages()).containsExactlyInAnyOrder("en", "zh");
    }

    @Test
    void theFrenchUseCaseFindsMistralQwenAndGemmaEntriesThatListFrench() {
        FitProbe everythingFits = (m, ctx) -> new FitOutcome(true, "F16", 1L, 1L << 50, 10.0, "test probe");
        RecommendRequest req = new RecommendRequest(UseCases.bundled().get("french"), dev.arbiter.recommend.LicenseFilter.ANY, null, null, 0, 100);
        RecommendResult r = Recommender.bundled().recommend(CATALOG, req, everythingFits, "test");

        List<Model> found = r.recommendations().stream().map(Recommendation::model).map(CATALOG::get).toList();
        assertThat(found).allSatisfy(m -> assertThat(m.languages()).as(m.id()).contains("fr"));
        assertThat(found).extracting(Model::family).contains("mistral", "qwen-2.5", "gemma-3");
        assertThat(r.excluded()).anySatisfy(e -> {
            assertThat(e.model()).isEqualTo("deepseek-r1");
            assertThat(e.constraint()).isEqualTo("language");
        });
    }
}
