package dev.arbiter.eval.engine;

import dev.arbiter.eval.MetricValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricSummaryTest {
    @Test
    void aProportionsNormalIntervalIsClippedToZeroOneAndGetsAWilsonInterval() {
        MetricSummary s = MetricSummary.of(new MetricValue("accuracy", 0.5, 0.5, -0.48, 1.48, 2), true);
        assertThat(s.ci95()).containsExactly(0.0, 1.0);
        assertThat(s.wilson95()).hasSize(2);
    }

    @Test
    void aGradedMeanKeepsItsIntervalAndHasNoWilsonInterval() {
        MetricSummary s = MetricSummary.of(new MetricValue("mean", 7.5, 0.5, 6.52, 8.48, 10), false);
        assertThat(s.ci95()).containsExactly(6.52, 8.48);
        assertThat(s.wilson95()).isNull();
    }

    @Test
    void anUnknownValueIsNullNotNaN() {
        MetricSummary s = MetricSummary.of(new MetricValue("accuracy", Double.NaN, null, null, null, 0), true);
        assertThat(s.value()).isNull();
        assertThat(s.ci95()).isNull();
        assertThat(s.wilson95()).isNull();
    }
}
