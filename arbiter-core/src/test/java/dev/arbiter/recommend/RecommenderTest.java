package dev.arbiter.recommend;

import dev.arbiter.catalog.Architecture;
import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.ClaimKind;
import dev.arbiter.catalog.License;
import dev.arbiter.catalog.Model;
import dev.arbiter.catalog.OfficialParams;
import dev.arbiter.catalog.RegionRestriction;
import dev.arbiter.catalog.ScoreClaim;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Ranking logic over a small synthetic catalogue, with a memory-only fit probe whose answers are known. */
class RecommenderTest {
    static final License OPEN = new License("apache-2.0", "Apache 2.0", "https://a", true, true, null, false, null, false, null, null, null);
    static final License RESEARCH = new License("research", "Research", "https://r", false, false, null, true, null, false, null, null, null);
    static final License EU_MM = new License("mm", "Multimodal EU clause", "https://m", false, true, 700_000_000L, false,
            List.of(new RegionRestriction("eu", "multimodal", "not granted in the EU")), true, "Built with X", null, null);

    static Model model(String id, long params, License l, List<String> modalities, List<String> tags, List<String> langs,
                       Map<String, Double> scores) {
        Architecture a = new Architecture(2, 64, 4, 4, 16, 100, true, 128, false, null, null, null, 0, null, "test");
        List<ScoreClaim> claims = scores.entrySet().stream().map(e -> new ScoreClaim(e.getKey(), e.getValue(), "instruct",
                0, "accuracy", ClaimKind.VENDOR, "https://example.org", null)).toList();
        return new Model(id, id, "f", "v", null, null, null, 131072, modalities, langs, tags, null, l.id(), l, a,
                new OfficialParams(params, params, "test"), claims, null, null);
    }

    /** 1 byte per parameter at "Q8_0"; fits when that is below 20 GB; 1000 GB/s ÷ bytes = tok/s. */
    static final FitProbe PROBE = (m, ctx) -> {
        long bytes = m.officialParams().total();
        boolean fits = bytes <= 20_000_000_000L;
        return new FitOutcome(fits, fits ? "Q8_0" : null, bytes, 20_000_000_000L, fits ? 1e12 / bytes : null,
                fits ? "test" : "needs " + bytes / 1_000_000_000 + " GB, has 20 GB");
    };

    static RecommendResult run(Catalog c, String useCase, boolean commercial, String region, String lang) {
        RecommendRequest req = new RecommendRequest(UseCases.bundled().get(useCase),
                commercial ? LicenseFilter.COMMERCIAL : LicenseFilter.DEFAULT, region, lang, 0, 5);
        return Recommender.bundled().recommend(c, req, PROBE, "test-gpu");
    }

    static Catalog catalog(Model... ms) {
        return new Catalog(List.of(ms), Map.of(OPEN.id(), OPEN, RESEARCH.id(), RESEARCH, EU_MM.id(), EU_MM));
    }

    @Test
    void aModelThatDoesNotFitIsExcludedWithTheFitReason() {
        Catalog c = catalog(model("big", 70_000_000_000L, OPEN, List.of("text"), List.of(), List.of("en"), Map.of("mmlu", 90.0)),
                model("small", 7_000_000_000L, OPEN, List.of("text"), List.of(), List.of("en"), Map.of("mmlu", 60.0)));
        RecommendResult r = run(c, "chatbot", false, null, null);
        assertThat(r.recommendations()).extracting(Recommendation::model).containsExactly("small");
        assertThat(r.excluded()).anySatisfy(e -> {
            assertThat(e.model()).isEqualTo("big");
            assertThat(e.constraint()).isEqualTo("fit");
            assertThat(e.reason()).contains("needs 70 GB");
        });
    }

    @Test
    void commercialUseExcludesResearchOnlyLicences() {
        Catalog c = catalog(model("research-model", 7_000_000_000L, RESEARCH, List.of("text"), List.of(), List.of("en"), Map.of()),
                model("open-model", 7_000_000_000L, OPEN, List.of("text"), List.of(), List.of("en"), Map.of()));
        RecommendResult r = run(c, "chatbot", true, null, null);
        assertThat(r.recommendations()).extracting(Recommendation::model).containsExactly("open-model");
        assertThat(r.excluded()).anySatisfy(e -> assertThat(e.reason()).contains("research use only"));
    }

    @Test
    void theEuRegionExcludesMultimodalModelsWhoseLicenceWithholdsThemButNotTextOnlyOnes() {
        Catalog c = catalog(model("mm", 7_000_000_000L, EU_MM, List.of("text", "image"), List.of(), List.of("en"), Map.of()),
                model("text-only", 7_000_000_000L, EU_MM, List.of("text"), List.of(), List.of("en"), Map.of()));
        RecommendResult r = run(c, "chatbot", false, "eu", null);
        assertThat(r.recommendations()).extracting(Recommendation::model).containsExactly("text-only");
        assertThat(r.excluded()).singleElement().satisfies(e -> {
            assertThat(e.constraint()).isEqualTo("region");
            assertThat(e.reason()).contains("multimodal licence grant excludes EU");
        });
    }

    @Test
    void anEuMemberStateRegionAppliesTheEuClause() {
        Catalog c = catalog(model("mm", 7_000_000_000L, EU_MM, List.of("text", "image"), List.of(), List.of("en"), Map.of()));
        RecommendResult r = run(c, "chatbot", false, "fr", null);
        assertThat(r.recommendations()).isEmpty();
        assertThat(r.excluded()).singleElement().satisfies(e -> {
            assertThat(e.constraint()).isEqualTo("region");
            assertThat(e.reason()).contains("excludes EU");
        });
    }

    @Test
    void aRegionOutsideTheEuIsNotHeldToTheEuClause() {
        Catalog c = catalog(model("mm", 7_000_000_000L, EU_MM, List.of("text", "image"), List.of(), List.of("en"), Map.of()));
        assertThat(run(c, "chatbot", false, "us", null).recommendations()).extracting(Recommendation::model).containsExactly("mm");
    }

    @Test
    void frenchNeedsFrenchAmongTheVendorsLanguages() {
        Catalog c = catalog(model("en-only", 7_000_000_000L, OPEN, List.of("text"), List.of(), List.of("en"), Map.of()),
                model("fr-too", 7_000_000_000L, OPEN, List.of("text"), List.of(), List.of("en", "fr"), Map.of()));
        RecommendResult r = run(c, "french", false, null, null);
        assertThat(r.recommendations()).extracting(Recommendation::model).containsExactly("fr-too");
    }

    @Test
    void guardrailsRanksOnlyGuardModelsAndOtherUseCasesExcludeThem() {
        Catalog c = catalog(model("guard", 4_000_000_000L, OPEN, List.of("text"), List.of("guard"), List.of("en"), Map.of()),
                model("chat", 7_000_000_000L, OPEN, List.of("text"), List.of(), List.of("en"), Map.of()));
        assertThat(run(c, "guardrails", false, null, null).recommendations()).extracting(Recommendation::model).containsExactly("guard");
        assertThat(run(c, "chatbot", false, null, null).recommendations()).extracting(Recommendation::model).containsExactly("chat");
    }

    /** Offers F16 at 5 tok/s, Q4_K_M at 30 tok/s and Q2_K at 45 tok/s, or only Q2_K when {@code tight}. */
    static FitProbe options(boolean tight) {
        return new FitProbe() {
            @Override
            public FitOutcome bestFit(Model m, long ctx) { return options(m, ctx).get(0); }

            @Override
            public List<FitOutcome> options(Model m, long ctx) {
                FitOutcome f16 = new FitOutcome(true, "F16", 14L << 30, 24L << 30, 5.0, "test");
                FitOutcome q4 = new FitOutcome(true, "Q4_K_M", 5L << 30, 24L << 30, 30.0, "test");
                FitOutcome q2 = new FitOutcome(true, "Q2_K", 3L << 30, 24L << 30, 45.0, "test");
                return tight ? List.of(q2) : List.of(f16, q4, q2);
            }
        };
    }

    static Recommendation only(FitProbe probe) {
        Catalog c = catalog(model("m", 7_000_000_000L, OPEN, List.of("text"), List.of(), List.of("en"), Map.of("mmlu", 70.0, "mt_bench", 8.0)));
        RecommendRequest req = new RecommendRequest(UseCases.bundled().get("chatbot"), LicenseFilter.DEFAULT, null, null, 0, 5);
        return Recommender.bundled().recommend(c, req, probe, "test-gpu").recommendations().get(0);
    }

    @Test
    void aFasterLowerPrecisionFitWinsWhenSpeedOutweighsItsAssumedLossAndTheReasonsSaySo() {
        // chatbot: efficiency is 20% of the score; 5 tok/s scores ln 6 / ln 31 = 0.52, 30 tok/s scores 1.0
        Recommendation r = only(options(false));
        assertThat(r.quant()).isEqualTo("Q4_K_M");
        assertThat(r.reasons().get(0)).contains("Q4_K_M rather than F16");
    }

    @Test
    void twoAndThreeBitMixesAreConsideredOnlyWhenNothingBetterFits() {
        assertThat(only(options(false)).quant()).isNotEqualTo("Q2_K");
        assertThat(only(options(true)).quant()).isEqualTo("Q2_K");
    }

}
