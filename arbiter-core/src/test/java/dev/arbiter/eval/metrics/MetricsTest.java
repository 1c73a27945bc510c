package dev.arbiter.eval.metrics;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.Score;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {
    private static List<SampleScore> oneEpoch(double... values) {
        List<SampleScore> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) out.add(new SampleScore("s" + i, 0, Score.of(values[i], "", "")));
        return out;
    }

    @Test
    void accuracyOfThreeOutOfFourHasTheHandComputedStderrAndNormalInterval() {
        // mean 0.75; deviations .25 −.75 .25 .25 → Σd² = 0.75, s² = 0.75/3 = 0.25, s = 0.5, SE = 0.5/√4 = 0.25
        MetricValue v = new Accuracy().compute(oneEpoch(1, 0, 1, 1));
        assertThat(v.value()).isEqualTo(0.75);
        assertThat(v.stderr()).isCloseTo(0.25, within(1e-12));
        assertThat(v.ciLow()).isCloseTo(0.75 - 1.959963984540054 * 0.25, within(1e-12));
        assertThat(v.ciHigh()).isCloseTo(0.75 + 1.959963984540054 * 0.25, within(1e-12));
        assertThat(v.n()).isEqualTo(4);
    }

    @Test
    void wilsonIntervalForThreeOutOfFourMatchesThePublishedValues() {
        double[] ci = Stats.wilson95(0.75, 4);
        assertThat(ci[0]).isCloseTo(0.30064, within(1e-5));
        assertThat(ci[1]).isCloseTo(0.95441, within(1e-5));
    }

    @Test
    void wilsonIntervalStaysInsideTheUnitIntervalWhenAllPass() {
        double[] ci = Stats.wilson95(1.0, 10);
        assertThat(ci[1]).isCloseTo(1.0, within(1e-12)).isLessThanOrEqualTo(1.0);
        // lower bound n/(n+z²) for p = 1
        assertThat(ci[0]).isCloseTo(10 / (10 + 1.959963984540054 * 1.959963984540054), within(1e-12));
    }

    @Test
    void epochsAreAveragedPerSampleBeforeTheStandardError() {
        List<SampleScore> scores = List.of(
                new SampleScore("a", 0, Score.of(1, "", "")), new SampleScore("a", 1, Score.of(0, "", "")),
                new SampleScore("b", 0, Score.of(1, "", "")), new SampleScore("b", 1, Score.of(1, "", "")),
                new SampleScore("c", 0, Score.of(0, "", "")), new SampleScore("c", 1, Score.of(0, "", "")));
        MetricValue v = new Accuracy().compute(scores);
        // per-sample means 0.5, 1, 0 → mean 0.5, s = 0.5, SE = 0.5/√3 (n = 3 samples, not 6 answers)
        assertThat(v.value()).isEqualTo(0.5);
        assertThat(v.n()).isEqualTo(3);
        assertThat(v.stderr()).isCloseTo(0.5 / Math.sqrt(3), within(1e-12));
    }

    @Test
    void meanOfGradedScoresUsesTheSameClusteredFormula() {
        MetricValue v = new Mean().compute(oneEpoch(8, 6, 10));
        // mean 8, deviations 0 −2 2 → s² = 8/2 = 4, s = 2, SE = 2/√3
        assertThat(v.value()).isEqualTo(8.0);
        assertThat(v.stderr()).isCloseTo(2 / Math.sqrt(3), within(1e-12));
    }

    @Test
    void aSingleSampleHasAValueButNoStderr() {
        MetricValue v = new Accuracy().compute(oneEpoch(1));
        assertThat(v.value()).isEqualTo(1.0);
        assertThat(v.stderr()).isNull();
        assertThat(v.ciLow()).isNull();
    }

    @Test
    void noScoredSamplesGiveNaNAndZeroCount() {
        MetricValue v = new Accuracy().compute(List.of());
        assertThat(v.value()).isNaN();
        assertThat(v.n()).isZero();
    }

    @Test
    void accuracyRejectsAGradedValueOutsideZeroToOne() {
        assertThatThrownBy(() -> new Accuracy().compute(oneEpoch(7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sample s0");
    }

    @Test
    void unknownMetricNamesListTheChoices() {
        assertThatThrownBy(() -> Metrics.named("f1"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("accuracy").hasMessageContaining("mean");
        assertThat(Metrics.named("Accuracy")).isInstanceOf(Accuracy.class);
    }
}
