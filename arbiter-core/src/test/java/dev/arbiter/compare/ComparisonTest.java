package dev.arbiter.compare;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.CatalogLoader;
import dev.arbiter.profile.Profiler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonTest {
    static final Catalog CATALOG = new CatalogLoader().bundled();

    static Cell cell(String model, String benchmark) {
        Comparison c = Comparison.of(CATALOG, List.of(model), Profiler.bundled(), Map.of());
        return c.rows().get(0).scores().get(benchmark);
    }

    @Test
    void theArticlesFigureIsShownBesideADifferentVendorFigure() {
        // Meta's model card: Scout MMLU 79.6 (base, 5-shot); the article says 85.4
        Cell scout = cell("llama-4-scout", "mmlu");
        assertThat(scout.value()).isEqualTo(79.6);
        assertThat(scout.articleNote(v -> String.format(java.util.Locale.ROOT, "%.1f", v))).isEqualTo("85.4");
    }

    @Test
    void anArticleFigureThatIsAnotherOfTheVendorsSettingsSaysWhich() {
        // DeepSeek-V3's README: MMLU 88.5 (instruct) and 87.1 (base, 5-shot); the article quotes 87.1
        Cell v3 = cell("deepseek-v3", "mmlu");
        assertThat(v3.articleMatches()).startsWith("base");
        assertThat(v3.articleNote(v -> String.format(java.util.Locale.ROOT, "%.1f", v))).startsWith("87.1 = base");
    }

    @Test
    void aMeasuredChartQaRunAddsAChartQaColumnBesideTheVendorsFigure() {
        Comparison plain = Comparison.of(CATALOG, List.of("gemma-3-27b"), Profiler.bundled(), Map.of());
        assertThat(plain.benchmarks()).doesNotContain("chartqa", "docvqa");
        Comparison c = Comparison.of(CATALOG, List.of("gemma-3-27b", "gemma-3-4b"), Profiler.bundled(),
                Map.of("gemma-3-27b", Map.of("chartqa", new Comparison.Measured(71.5, "run-v"))));
        assertThat(c.benchmarks()).endsWith("chartqa");
        Cell cell = c.rows().get(0).scores().get("chartqa");
        assertThat(cell.measured()).isEqualTo(71.5);
        assertThat(cell.value()).isNotNull();
        assertThat(c.rows().get(1).scores().get("chartqa").measured()).isNull();
    }

    @Test
    void measuredMmluProAndIfevalColumnsAppearBesideTheVendorsFigures() {
        Comparison c = Comparison.of(CATALOG, List.of("deepseek-v3"), Profiler.bundled(),
                Map.of("deepseek-v3", Map.of("mmlu_pro", new Comparison.Measured(74.0, "run-p"), "ifeval", new Comparison.Measured(85.0, "run-i"))));
        assertThat(c.benchmarks()).containsSubsequence("math", "mmlu_pro", "ifeval").doesNotContain("gpqa");
        assertThat(c.rows().get(0).scores().get("ifeval").value()).isEqualTo(86.1);
        assertThat(c.rows().get(0).scores().get("ifeval").measured()).isEqualTo(85.0);
        assertThat(ComparisonRenderer.label("mmlu_pro")).isEqualTo("MMLU-Pro");
    }

    @Test
    void aMissingVendorFigureIsMissingNotZero() {
        Cell scoutHumanEval = cell("llama-4-scout", "humaneval");
        assertThat(scoutHumanEval.value()).isNull();
        assertThat(scoutHumanEval.articleValue()).isEqualTo(84.2);
        assertThat(ComparisonRenderer.cellText(scoutHumanEval)).startsWith("- [84.2]");
    }

    @Test
    void aLongCellDoesNotShiftTheColumnsAfterIt() {
        // deepseek-v3's MMLU cell is "88.5 [87.1 = base 5-shot]", wider than the default column
        Comparison c = Comparison.of(CATALOG, List.of("gemma-3-27b", "deepseek-v3"), Profiler.bundled(), Map.of());
        String[] lines = ComparisonRenderer.text(c).split("\n");
        int licence = lines[0].indexOf("LICENCE");
        assertThat(lines[1].substring(licence)).startsWith("Gemma Terms of Use");
        assertThat(lines[2].substring(licence)).startsWith("DeepSeek License Agreement");
    }
}
