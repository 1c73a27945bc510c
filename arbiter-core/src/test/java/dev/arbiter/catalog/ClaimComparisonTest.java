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
}
