package dev.arbiter.eval.engine;

import dev.arbiter.eval.MetricValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricSummaryTest {
    @Test
    void aProportionsNormalIntervalIsValuePlusOrMinus196SeUnclippedAndWilsonsIsBesideIt() {
        // 3 right of 11: the sample SE √(p(1−p)/(n−1)) = 0.1408; the README's ci95 is "always value ± 1.96·SE"
        double p = 3 / 11.0, se = Math.sqrt(p * (1 - p) / 10);
        MetricSummary s = MetricSummary.of(new MetricValue("accuracy", p, se, p - 1.96 * se, p + 1.96 * se, 11), true);
        assertThat(s.ci95()).containsExactly(p - 1.96 * se, p + 1.96 * se);
        assertThat(s.ci95().get(0)).isCloseTo(-0.0033, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(s.wilson95().get(0)).isCloseTo(0.0975, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(s.wilson95().get(1)).isCloseTo(0.5656, org.assertj.core.data.Offset.offset(1e-4));
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
