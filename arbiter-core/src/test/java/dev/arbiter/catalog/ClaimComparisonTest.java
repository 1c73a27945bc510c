package dev.arbiter.catalog;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimComparisonTest {
    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = new CatalogLoader().bundled();
    }

    @Test
    void anArticleFigureEqualToOneOfTheVendorsSettingsIsNotADiscrepancy() {
        // DeepSeek publishes MMLU 87.1 (base, 5-shot) and 88.5 (chat); the article quotes 87.1.
        Model v3 = catalog.get("deepseek-v3");
        assertThat(v3.claims("mmlu")).extracting(ScoreClaim::value).contains(87.1, 88.5);
        assertThat(ClaimComparison.discrepancies(v3)).noneMatch(c -> c.benchmark().equals("mmlu"));
    }

    @Test
    void anArticleFigureThatMatchesNoSettingIsComparedWithEachOfThem() {
        // Gemma 3 27B HumanEval: article 74.3, Google 48.8 (pre-trained) and 87.8 (instruction-tuned).
        assertThat(ClaimComparison.discrepancies(catalog.get("gemma-3-27b")))
                .filteredOn(c -> c.benchmark().equals("humaneval"))
                .extracting(ClaimComparison::vendorValue).containsExactlyInAnyOrder(48.8, 87.8);
    }

    @Test
    void aRefreshComparesTheArticleWithItsPredecessorsVendorFiguresMarkedAsBorrowed() {
        // Mistral published HumanEval 92.0 for Large 2 (2407) and nothing for 2411; the article says 81.9.
        assertThat(ClaimComparison.discrepancies(catalog, catalog.get("mistral-large-2")))
                .filteredOn(c -> c.benchmark().equals("humaneval")).singleElement()
                .satisfies(c -> {
                    assertThat(c.vendorValue()).isEqualTo(92.0);
                    assertThat(c.vendorBorrowedFrom()).isEqualTo("mistral-large-2407");
                    assertThat(c.sentence()).contains("borrowed: published for mistral-large-2407").doesNotContain("publishes no");
                });
        // MMLU 84.0 equals 2407's base figure and MT-Bench 8.6 its 8.63 within rounding: no discrepancy.
        assertThat(ClaimComparison.discrepancies(catalog, catalog.get("mistral-large-2")))
                .extracting(ClaimComparison::benchmark).containsExactly("humaneval");
        // Without the catalogue there is nothing to borrow.
        assertThat(ClaimComparison.discrepancies(catalog.get("mistral-large-2")))
                .allSatisfy(c -> assertThat(c.sentence()).contains("publishes no"));
    }

    @Test
    void pixtralLargesArticleFiguresMeetMistralsPublishedDocVqaAndChartQa() {
        var found = ClaimComparison.discrepancies(catalog, catalog.get("pixtral-large"));
        assertThat(found).filteredOn(c -> c.benchmark().equals("docvqa")).singleElement()
                .satisfies(c -> assertThat(c.difference()).isCloseTo(-0.1, org.assertj.core.api.Assertions.within(1e-9)));
        assertThat(found).filteredOn(c -> c.benchmark().equals("chartqa")).singleElement()
                .satisfies(c -> assertThat(c.difference()).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-9)));
        assertThat(found).noneMatch(c -> c.sentence().contains("publishes no"));
    }

    @Test
    void anArticleFigureTheVendorIsSilentOnSaysWhereItWasLookedUp() {
        assertThat(ClaimComparison.discrepancies(catalog, catalog.get("deepseek-v3")))
                .filteredOn(c -> c.benchmark().equals("mt_bench")).singleElement()
                .satisfies(c -> assertThat(c.sentence()).contains("publishes no mt_bench").contains("looked up: https://github.com/deepseek-ai/DeepSeek-V3"));
    }
}
