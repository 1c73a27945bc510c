package dev.arbiter.eval.stats;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.engine.MetricUnit;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PairedComparisonTest {
    /** n pass/fail pairs: b where only A passes, c where only B passes, both pass on the rest. */
    private static Map<String, Double>[] passFail(int b, int c, int agree) {
        Map<String, Double> a = new HashMap<>();
        Map<String, Double> bb = new HashMap<>();
        int i = 0;
        for (int k = 0; k < b; k++, i++) { a.put("s" + i, 1.0); bb.put("s" + i, 0.0); }
        for (int k = 0; k < c; k++, i++) { a.put("s" + i, 0.0); bb.put("s" + i, 1.0); }
        for (int k = 0; k < agree; k++, i++) { a.put("s" + i, 1.0); bb.put("s" + i, 1.0); }
        @SuppressWarnings("unchecked") Map<String, Double>[] out = new Map[]{a, bb};
        return out;
    }

    @Test
    void passFailRunsUseMcNemarOnTheDiscordantPairs() {
        var m = passFail(10, 2, 28);
        Comparison c = PairedComparison.compare(m[0], m[1], MetricUnit.proportion, new Random(1), 2000);
        assertThat(c.shared()).isEqualTo(40);
        assertThat(c.test()).isEqualTo("mcnemar_exact");
        assertThat(c.aOnlyPassed()).isEqualTo(10);
        assertThat(c.bOnlyPassed()).isEqualTo(2);
        assertThat(c.pValue()).isCloseTo(0.03857421875, within(1e-12));
        assertThat(c.difference()).isCloseTo(0.2, within(1e-12));
        assertThat(c.meanA()).isCloseTo(0.95, within(1e-12));
        assertThat(c.ciLow()).isGreaterThan(0);
        assertThat(c.significant()).isTrue();
    }

    @Test
    void whenTheIntervalExcludesZeroButTheTestDoesNotRejectTheWarningSaysBorderlineNotCompatible() {
        // 5 pairs only A passed, none only B: exact McNemar p = 2 × 0.5^5 = 0.0625, while every bootstrap resample
        // of the 20 differences that holds no discordant pair is rare: the interval excludes 0
        var m = passFail(5, 0, 15);
        Comparison c = PairedComparison.compare(m[0], m[1], MetricUnit.proportion, new Random(1), 10_000);
        assertThat(c.pValue()).isCloseTo(0.0625, within(1e-12));
        assertThat(c.ciLow()).isGreaterThan(0);
        assertThat(c.significant()).isFalse();
        assertThat(c.warnings().get(0)).startsWith("Borderline on these 20 samples: the bootstrap 95% CI of the difference +25.0 points")
                .contains("excludes 0 but the test's p = 0.0625 does not reach 0.05").doesNotContain("compatible with no difference");
    }

    @Test
    void aSmallSampleThatCannotSeparateTheModelsSaysSoPlainly() {
        var m = passFail(4, 2, 34);
        Comparison c = PairedComparison.compare(m[0], m[1], MetricUnit.proportion, new Random(1), 2000);
        assertThat(c.significant()).isFalse();
        assertThat(c.pValue()).isCloseTo(0.6875, within(1e-12));
        assertThat(c.warnings().get(0)).startsWith("Cannot tell the models apart on these 40 samples: the difference +5.0 points");
        // sd of the differences is sqrt((6 - 40*0.05^2)/39) = 0.38895; MDE = (1.95996 + 0.84162) * 0.38895 / sqrt(40) = 0.17229.
        assertThat(c.minimumDetectable()).isCloseTo(0.17229, within(1e-5));
        assertThat(c.warnings().get(1)).isEqualTo("With n = 40, only differences larger than about 17.2 points can be "
                + "detected reliably (80% power, alpha 0.05); more samples narrow this.");
    }

    @Test
    void gradedScoresUseTheBootstrapPValue() {
        Map<String, Double> a = new HashMap<>();
        Map<String, Double> b = new HashMap<>();
        double[] diffs = {2.0, -1.0, 3.0, 0.5, 1.0, -0.5, 2.5, 1.5, 0.0, 1.0};
        for (int i = 0; i < diffs.length; i++) {
            b.put("q" + i, 5.0);
            a.put("q" + i, 5.0 + diffs[i]);
        }
        Comparison c = PairedComparison.compare(a, b, MetricUnit.score, new Random(42), 2000);
        assertThat(c.test()).isEqualTo("paired_bootstrap");
        assertThat(c.difference()).isCloseTo(1.0, within(1e-12));
        assertThat(c.aOnlyPassed()).isNull();
        assertThat(c.warnings()).anyMatch(w -> w.startsWith("Only 10 shared samples"));
    }

    @Test
    void onlySharedSamplesAreComparedAndTheRestAreCounted() {
        Map<String, Double> a = Map.of("x", 1.0, "y", 0.0, "only-a", 1.0);
        Map<String, Double> b = Map.of("x", 1.0, "y", 0.0, "only-b1", 0.0, "only-b2", 1.0);
        Comparison c = PairedComparison.compare(a, b, MetricUnit.proportion, new Random(1), 500);
        assertThat(c.shared()).isEqualTo(2);
        assertThat(c.onlyInA()).isEqualTo(1);
        assertThat(c.onlyInB()).isEqualTo(2);
        assertThat(c.warnings()).contains("The runs scored every one of the 2 shared samples identically.",
                "1 sample(s) scored only in A and 2 only in B were left out.");
    }

    @Test
    void noSharedSamplesIsAnInputError() {
        assertThatThrownBy(() -> PairedComparison.compare(Map.of("a", 1.0), Map.of("b", 1.0), MetricUnit.proportion, new Random(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no scored sample in common");
    }

    @Test
    void epochsAreAveragedPerSampleAndUnscoredEpochsLeftOut() {
        Map<String, Double> per = PairedComparison.perSample(List.of(
                new SampleScore("a", 0, Score.of(1, null, null)),
                new SampleScore("a", 1, Score.of(0, null, null)),
                new SampleScore("b", 0, Score.unscored(null, "no answer")),
                new SampleScore("b", 1, Score.of(1, null, null)),
                new SampleScore("c", 0, Score.unscored(null, "no answer"))));
        assertThat(per).containsExactlyInAnyOrderEntriesOf(Map.of("a", 0.5, "b", 1.0));
    }

    @Test
    void averagedEpochsThatAreNotZeroOrOneAreComparedAsGradedScores() {
        Comparison c = PairedComparison.compare(Map.of("a", 0.5, "b", 1.0), Map.of("a", 0.0, "b", 1.0), MetricUnit.proportion, new Random(1), 500);
        assertThat(c.test()).isEqualTo("paired_bootstrap");
    }
}
