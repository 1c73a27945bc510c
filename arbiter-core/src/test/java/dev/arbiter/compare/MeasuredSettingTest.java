package dev.arbiter.compare;

import dev.arbiter.catalog.ClaimKind;
import dev.arbiter.catalog.ScoreClaim;
import dev.arbiter.profile.Profiler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MeasuredSettingTest {
    private static ScoreClaim claim(Integer shots, String note) {
        return new ScoreClaim("humaneval", 60.0, "instruct", shots, "pass@1", ClaimKind.VENDOR, "https://example.com", note);
    }

    @Test
    void anLmEvalFiveShotMmluRunIsComparedWithDeepSeekV3sBaseFiveShotFigure() {
        // DeepSeek-V3's README: MMLU 87.1 (base, 5-shot) and 88.5 (instruct, shots not stated)
        Comparison c = Comparison.of(ComparisonTest.CATALOG, List.of("deepseek-v3"), Profiler.bundled(), Map.of("deepseek-v3",
                Map.of("mmlu", new Comparison.Measured(86.0, "run-l", new MeasuredSetting("lm-eval", 5, false)))));
        Cell cell = c.rows().get(0).scores().get("mmlu");
        assertThat(cell.measuredSetting()).isEqualTo("lm-eval, 5-shot, no CoT");
        assertThat(cell.measuredVersus()).isEqualTo("same setting as the published base, 5-shot, accuracy figure 87.1");
        assertThat(ComparisonRenderer.cellText(cell)).endsWith("*86.0 (same setting)");
    }

    @Test
    void aZeroShotRunSaysItDiffersFromEveryPublishedSetting() {
        Comparison c = Comparison.of(ComparisonTest.CATALOG, List.of("deepseek-v3"), Profiler.bundled(), Map.of("deepseek-v3",
                Map.of("mmlu", new Comparison.Measured(80.0, "run-a", new MeasuredSetting("arbiter", 0, null)))));
        Cell cell = c.rows().get(0).scores().get("mmlu");
        assertThat(cell.measuredVersus()).startsWith("differs from every published setting (").contains("base, 5-shot, accuracy");
        assertThat(ComparisonRenderer.cellText(cell)).endsWith("*80.0 (other setting)");
        assertThat(ComparisonRenderer.csv(c)).contains("mmlu_measured_setting", "mmlu_measured_versus", "arbiter, 0-shot");
    }

    @Test
    void aFigureThatStatesNoShotsIsNeverTheSameSetting() {
        assertThat(new MeasuredSetting("lm-eval", 0, null).match(List.of(claim(null, null)))).isEmpty();
        assertThat(new MeasuredSetting("lm-eval", 0, null).match(List.of(claim(0, null)))).isPresent();
    }

    @Test
    void aCotFigureDoesNotMatchARunKnownToAskWithoutCot() {
        assertThat(new MeasuredSetting("lm-eval", 0, false).match(List.of(claim(0, "CoT")))).isEmpty();
        assertThat(new MeasuredSetting("lm-eval", 0, true).match(List.of(claim(0, "CoT")))).isPresent();
        assertThat(new MeasuredSetting("lm-eval", 0, null).match(List.of(claim(0, "CoT")))).isPresent();
    }

    @Test
    void aFigureThatNamesItsHarnessMatchesOnlyARunOfThatProfile() {
        ScoreClaim evalplus = claim(0, "EvalPlus harness, greedy");
        assertThat(new MeasuredSetting("lm-eval", 0, null).match(List.of(evalplus))).isEmpty();
        assertThat(new MeasuredSetting("arbiter", 0, null).match(List.of(evalplus))).isEmpty();
        assertThat(new MeasuredSetting("lm-eval", 5, null).match(List.of(claim(5, "lm-evaluation-harness")))).isPresent();
    }

    @Test
    void gsm8kRunsOfEveryPromptStyleFillTheGsm8kColumn() {
        assertThat(MeasuredRuns.column("gsm8k-lm-eval-5").benchmark()).isEqualTo("gsm8k");
        assertThat(MeasuredRuns.column("gsm8k-zero-shot-cot").benchmark()).isEqualTo("gsm8k");
        assertThat(MeasuredRuns.column("gsm8k").benchmark()).isEqualTo("gsm8k");
    }
}
