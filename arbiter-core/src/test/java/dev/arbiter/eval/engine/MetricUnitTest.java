package dev.arbiter.eval.engine;

import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.task.humaneval.OutcomeCountMetric;
import dev.arbiter.eval.task.humaneval.PassAtKMetric;
import dev.arbiter.sandbox.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MetricUnitTest {
    static MetricSummary valued(double v, boolean proportion) {
        return MetricSummary.of(new MetricValue("m", v, 0.1, v - 0.2, v + 0.2, 20), proportion);
    }

    @Test
    void whatTheEngineGaveAWilsonIntervalIsAProportionWhateverItsName() {
        assertThat(MetricUnit.of("accuracy", valued(0.0, true))).isEqualTo(MetricUnit.proportion);
        assertThat(MetricUnit.of("subject/anatomy", valued(1.0, true))).isEqualTo(MetricUnit.proportion);
    }

    @Test
    void aMeanOnItsOwnScaleIsAScoreEvenWhenItsValueLiesInZeroOne() {
        assertThat(MetricUnit.of("score", valued(1.0, false))).isEqualTo(MetricUnit.score);
        assertThat(MetricUnit.of("mean", valued(0.5, false))).isEqualTo(MetricUnit.score);
    }

    @Test
    void humanEvalsOutcomeMetricsAreCountsEvenAtZeroOrOne() {
        for (Outcome o : Outcome.values()) {
            String name = new OutcomeCountMetric(o).name();
            assertThat(MetricUnit.of(name, valued(1.0, false))).as(name).isEqualTo(MetricUnit.count);
        }
    }

    @Test
    void fractionsWithoutAWilsonIntervalAreProportions() {
        for (String name : List.of(new PassAtKMetric(1).name(), new PassAtKMetric(10).name(), "macro_accuracy",
                "inst_level_strict_acc", "inst_level_loose_acc")) {
            assertThat(MetricUnit.of(name, valued(0.4, false))).as(name).isEqualTo(MetricUnit.proportion);
        }
    }

    @Test
    void aMetricWithoutAValueHasNoUnit() {
        assertThat(MetricUnit.of("accuracy", MetricSummary.of(new MetricValue("accuracy", Double.NaN, null, null, null, 0), true))).isNull();
    }
}
