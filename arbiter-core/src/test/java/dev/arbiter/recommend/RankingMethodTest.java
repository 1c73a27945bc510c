package dev.arbiter.recommend;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.CatalogLoader;
import dev.arbiter.catalog.LicenseUse;
import dev.arbiter.catalog.Model;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ranking on the bundled catalogue with a probe where every model fits: what a reviewer would check. */
class RankingMethodTest {
    static final Catalog CATALOG = new CatalogLoader().bundled();

    /** Everything fits at F16; speed 40 tok/s (full marks) unless {@code speedKnown} is false. */
    static FitProbe everythingFits(boolean speedKnown) {
        return new FitProbe() {
            @Override
            public FitOutcome bestFit(Model m, long ctx) {
                return new FitOutcome(true, "F16", 1L << 30, 1L << 40, speedKnown ? 40.0 : null, "test");
            }

            @Override
            public boolean speedKnown() { return speedKnown; }
        };
    }

    static RecommendResult run(String useCase, LicenseFilter licence, int top, boolean speedKnown) {
        RecommendRequest req = new RecommendRequest(UseCases.bundled().get(useCase), licence, null, null, 0, top);
        return Recommender.bundled().recommend(CATALOG, req, everythingFits(speedKnown), "test-gpu");
    }

    @Test
    void twoEntriesThatShareAllTheirFiguresAreRankedOnceAsTheNewerReleaseNamingTheOlder() {
        RecommendResult r = run("code", LicenseFilter.ANY, 100, true);
        assertThat(r.recommendations()).extracting(Recommendation::model).contains("mistral-large-2").doesNotContain("mistral-large-2407");
        assertThat(r.alsoFits()).extracting(AlsoFit::model).doesNotContain("mistral-large-2407");
        assertThat(r.excluded()).extracting(Exclusion::model).doesNotContain("mistral-large-2407");
        Recommendation large = r.recommendations().stream().filter(x -> x.model().equals("mistral-large-2")).findFirst().orElseThrow();
        assertThat(large.alsoCovers()).containsExactly("mistral-large-2407");
    }

    @Test
    void everyRecommendationSaysWhatItsLicenceMeansForProductionAndTheDefaultKeepsThoseNeedingAnAgreement() {
        RecommendResult r = run("code", LicenseFilter.DEFAULT, 100, true);
        assertThat(r.recommendations()).allSatisfy(x -> assertThat(x.licenseUse()).isNotNull());
        assertThat(r.recommendations()).filteredOn(x -> x.model().equals("codestral-22b")).singleElement()
                .satisfies(x -> assertThat(x.licenseUse()).isEqualTo(LicenseUse.NEEDS_AGREEMENT));
        assertThat(r.recommendations()).filteredOn(x -> x.model().equals("qwen2.5-coder-32b")).singleElement()
                .satisfies(x -> assertThat(x.licenseUse()).isEqualTo(LicenseUse.ALLOWED));
        RecommendResult commercial = run("code", LicenseFilter.COMMERCIAL, 100, true);
        assertThat(commercial.recommendations()).allSatisfy(x -> assertThat(x.licenseUse()).isEqualTo(LicenseUse.ALLOWED));
        assertThat(commercial.excluded()).filteredOn(e -> e.model().equals("codestral-22b")).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("needs a commercial agreement"));
    }

    @Test
    void modelsPastTopAreListedAsAlsoFitsNotAsExcluded() {
        RecommendResult r = run("code", LicenseFilter.ANY, 3, true);
        assertThat(r.recommendations()).hasSize(3);
        assertThat(r.alsoFits()).isNotEmpty();
        assertThat(r.alsoFits().get(0).position()).isEqualTo(4);
        assertThat(r.excluded()).noneSatisfy(e -> assertThat(e.constraint()).isEqualTo("rank"));
        assertThat(r.excluded()).extracting(Exclusion::model)
                .doesNotContainAnyElementsOf(r.alsoFits().stream().map(AlsoFit::model).toList());
    }

    @Test
    void rowsWhoseIntervalsOverlapAreTiesAndTheCloseCallNamesTheFigureThatDecidedIt() {
        List<Recommendation> recs = run("code", LicenseFilter.ANY, 100, true).recommendations();
        for (int i = 0; i < recs.size(); i++) {
            Recommendation x = recs.get(i);
            assertThat(x.scoreLow()).isLessThanOrEqualTo(x.score());
            assertThat(x.scoreHigh()).isGreaterThanOrEqualTo(x.score());
            if (i == 0) { assertThat(x.tied()).isFalse(); continue; }
            Recommendation above = recs.get(i - 1);
            assertThat(x.score()).isLessThanOrEqualTo(above.score());
            assertThat(x.tied()).as(x.model()).isEqualTo(above.scoreLow() <= x.scoreHigh() + 0.5);
            if (x.tied()) assertThat(x.closeCall()).contains("tied with #" + i).containsAnyOf("decided by", "the same on every axis");
            else assertThat(x.closeCall()).isNull();
        }
        assertThat(recs).anyMatch(Recommendation::tied);
    }

    @Test
    void theHeadlineIsTheScoreAsTheSumOfItsParts() {
        for (Recommendation x : run("chatbot", LicenseFilter.ANY, 100, true).recommendations()) {
            double sum = x.axes().values().stream().mapToDouble(a -> a.weight() * a.score()).sum();
            assertThat(Math.abs(sum - x.score())).as(x.model() + ": " + x.why()).isLessThanOrEqualTo(1.0);
            assertThat(x.why()).startsWith(String.format(java.util.Locale.ROOT, "score %.0f [", x.score()));
            assertThat(x.axes().values().stream().mapToDouble(AxisView::weight).sum()).isBetween(0.99, 1.01);
        }
    }

    @Test
    void oneRuleForAMissingAxisForEveryModel() {
        RecommendResult r = run("chatbot", LicenseFilter.ANY, 100, true);
        for (Recommendation x : r.recommendations()) {
            // every quality axis of the use case is in every score: none is left out for one model and imputed for another
            assertThat(x.axes().keySet()).as(x.model()).containsExactlyInAnyOrder("conversation", "knowledge", "efficiency", "math", "code");
        }
        assertThat(r.method()).filteredOn(m -> m.contains("missing axis")).hasSize(1);
    }

    @Test
    void withoutASpeedTheEfficiencyAxisIsLeftOutOfEveryScoreAndTheMethodSaysSo() {
        RecommendResult r = run("chatbot", LicenseFilter.ANY, 5, false);
        assertThat(r.speedKnown()).isFalse();
        assertThat(r.recommendations()).isNotEmpty().allSatisfy(x -> {
            assertThat(x.axes()).doesNotContainKey("efficiency");
            assertThat(x.decodeTokensPerS()).isNull();
            assertThat(x.speedBasis()).isEqualTo("unknown");
        });
        assertThat(r.method()).anyMatch(m -> m.contains("efficiency axis is left out"));
    }

    @Test
    void theSameRequestGivesTheSameIntervals() {
        assertThat(run("rag", LicenseFilter.ANY, 10, true)).isEqualTo(run("rag", LicenseFilter.ANY, 10, true));
    }

    @Test
    void deepSeekR1sPublishedMathFiguresPutItAtTheTopOfMathAndNoModelWithoutAMathFigureOutranksAKnownBetterOne() {
        // Everything fits at the same speed: the order is quality's. R1's MATH-500 97.3 used to be dropped (2 reporters)
        // and its math estimated at the middle, ranking it 10th; the math models were excluded by an 8K default context.
        RecommendResult r = run("math", LicenseFilter.DEFAULT, 100, true);
        List<String> order = r.recommendations().stream().map(Recommendation::model).toList();
        assertThat(order.get(0)).isEqualTo("deepseek-r1");
        assertThat(order).contains("qwen2.5-math-1.5b", "qwen2.5-math-7b", "qwen2.5-math-72b");
        Recommendation r1 = r.recommendations().get(0);
        assertThat(r1.axes().get("math").basis().wire()).isEqualTo("published");
        // On the math axis a missing figure never beats a known one above the middle...
        List<Recommendation> published = r.recommendations().stream()
                .filter(x -> x.axes().get("math").basis().wire().equals("published") && x.axes().get("math").score() > 50).toList();
        assertThat(published).isNotEmpty();
        double bestGuess = r.recommendations().stream().filter(x -> !x.axes().get("math").basis().wire().equals("published"))
                .mapToDouble(x -> x.axes().get("math").score()).max().orElseThrow();
        assertThat(published).allSatisfy(x -> assertThat(x.axes().get("math").score()).isGreaterThan(bestGuess));
        // ...and a weak coder's missing math follows its weak code figures down: Coder-0.5B (no math figure, HumanEval
        // 61.6) no longer outranks Coder-7B (MATH 66.8), as it did when it got the middle (60 vs 49).
        assertThat(order.indexOf("qwen2.5-coder-7b")).isLessThan(order.indexOf("qwen2.5-coder-0.5b"));
    }
}
