package dev.arbiter.recommend;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.Model;
import dev.arbiter.profile.Dimensions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.arbiter.recommend.RecommenderTest.OPEN;
import static dev.arbiter.recommend.RecommenderTest.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Cost beside quality, the monthly budget as a hard constraint, and --optimise cost, with a cost probe whose answers are known. */
class RecommendCostTest {
    /** A strong slow model and a weaker fast one (fit probe: tok/s = 1000 GB/s ÷ bytes). */
    static final Catalog CATALOG = RecommenderTest.catalog(
            model("strong", 14_000_000_000L, OPEN, List.of("text"), List.of(), List.of("en"), Map.of("mmlu", 80.0)),
            model("cheap", 3_000_000_000L, OPEN, List.of("text"), List.of(), List.of("en"), Map.of("mmlu", 62.0)));

    /** strong: 6 USD per 1M output tokens, 9,000 a month; cheap: 0.20 per 1M, 1,500 a month; strong is measured by run-7. */
    static final CostProbe COSTS = (m, f) -> Optional.of(m.id().equals("strong")
            ? new CostFigure(6.0, 6.0, 9000, 2, "measured", "run-7", "USD")
            : new CostFigure(0.2, 0.2, 1500, 1, "estimated", null, "USD"));

    static RecommendResult run(Double budget, boolean optimiseCost) {
        RecommendRequest req = new RecommendRequest(UseCases.bundled().get("chatbot"), LicenseFilter.DEFAULT, null, null, 0, 5, budget, optimiseCost);
        return Recommender.bundled().recommend(CATALOG, req, RecommenderTest.PROBE, "test-gpu", Map.of(), MeasuredSpeed.NONE, COSTS);
    }

    static Recommendation of(RecommendResult r, String id) {
        return r.recommendations().stream().filter(x -> x.model().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyRecommendationCarriesItsCostAndAMeasuredOneNamesItsRun() {
        RecommendResult r = run(null, false);
        Recommendation strong = of(r, "strong");
        assertThat(strong.cost().perMillionOutput()).isEqualTo(6.0);
        assertThat(strong.cost().runId()).isEqualTo("run-7");
        assertThat(strong.reasons()).anyMatch(s -> s.startsWith("cost: 6.00 USD per 1M output tokens") && s.contains("measured by bench run run-7"));
        assertThat(of(r, "cheap").cost().source()).isEqualTo("estimated");
    }

    @Test
    void withoutCostsNothingChanges() {
        RecommendRequest req = new RecommendRequest(UseCases.bundled().get("chatbot"), LicenseFilter.DEFAULT, null, null, 0, 5);
        RecommendResult plain = Recommender.bundled().recommend(CATALOG, req, RecommenderTest.PROBE, "test-gpu");
        RecommendResult withCosts = run(null, false);
        assertThat(withCosts.recommendations()).extracting(Recommendation::model)
                .containsExactlyElementsOf(plain.recommendations().stream().map(Recommendation::model).toList());
        for (Recommendation p : plain.recommendations()) {
            Recommendation c = of(withCosts, p.model());
            assertThat(c.score()).isEqualTo(p.score());
            assertThat(c.scoreLow()).isEqualTo(p.scoreLow());
            assertThat(c.scoreHigh()).isEqualTo(p.scoreHigh());
            assertThat(p.cost()).isNull();
        }
    }

    @Test
    void aModelOverTheMonthlyBudgetIsExcludedWithItsCost() {
        RecommendResult r = run(5000.0, false);
        assertThat(r.recommendations()).extracting(Recommendation::model).containsExactly("cheap");
        assertThat(r.excluded()).anySatisfy(e -> {
            assertThat(e.model()).isEqualTo("strong");
            assertThat(e.constraint()).isEqualTo("budget");
            assertThat(e.reason()).contains("9,000 USD a month").contains("2 deployments").contains("--budget-per-month 5,000");
        });
        assertThat(r.method()).anyMatch(m -> m.startsWith("--budget-per-month 5,000"));
    }

    @Test
    void optimisingCostScoresTheEfficiencyAxisOnCostPerMillionTokens() {
        RecommendResult speed = run(null, false);
        RecommendResult cost = run(null, true);
        AxisView strongCost = of(cost, "strong").axes().get(Dimensions.EFFICIENCY);
        AxisView cheapCost = of(cost, "cheap").axes().get(Dimensions.EFFICIENCY);
        // log scale between 0.10 USD (100) and 30 USD (0): 6 USD → 100 × ln(5)/ln(300) = 28.2; 0.20 USD → 100 × ln(150)/ln(300) = 87.8
        assertThat(strongCost.score()).isCloseTo(100 * Math.log(5) / Math.log(300), within(0.5));
        assertThat(cheapCost.score()).isCloseTo(100 * Math.log(150) / Math.log(300), within(0.5));
        assertThat(strongCost.note()).contains("6.00 USD per 1M output tokens");
        assertThat(strongCost.low()).isLessThan(strongCost.score());
        // by speed both are fast enough for full marks (1000 GB/s over 14 GB is 71 tok/s, above 30)
        assertThat(of(speed, "strong").axes().get(Dimensions.EFFICIENCY).score()).isEqualTo(100);
        assertThat(of(cost, "strong").score()).isLessThan(of(speed, "strong").score());
        assertThat(cost.method()).anyMatch(m -> m.startsWith("--optimise cost"));
    }

    @Test
    void theCostEfficiencyScaleIsLogarithmicBetweenItsAnchors() {
        assertThat(Scored.costEfficiency(0.05)).isEqualTo(100);
        assertThat(Scored.costEfficiency(0.10)).isEqualTo(100, within(1e-9));
        assertThat(Scored.costEfficiency(30)).isEqualTo(0, within(1e-9));
        assertThat(Scored.costEfficiency(100)).isEqualTo(0);
        assertThat(Scored.costEfficiency(Math.sqrt(0.10 * 30))).isCloseTo(50, within(1e-9));
    }
}
