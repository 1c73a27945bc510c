package dev.arbiter.eval.task;

import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.engine.MetricSummary;
import dev.arbiter.eval.metrics.Proportion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MeanMetricTest {
    private static SampleScore score(String id, double value, String subject) {
        return new SampleScore(id, 0, new Score(value, null, null, Map.of("subject", subject)));
    }

    /** One right and one wrong answer: mean 0.5, stderr 0.5, so mean ± 1.96·stderr would reach -0.48 and 1.48. */
    private static final List<SampleScore> HALF = List.of(score("a", 1.0, "law"), score("b", 0.0, "law"));

    @Test
    void aSubjectAccuracyIntervalStaysWithinZeroAndOne() {
        MetricValue v = MeanMetric.of("subject/law").where("subject", "law").compute(HALF);

        assertThat(v.value()).isEqualTo(0.5);
        assertThat(v.stderr()).isEqualTo(0.5);
        assertThat(v.ciLow()).isEqualTo(0.0);
        assertThat(v.ciHigh()).isEqualTo(1.0);
    }

    @Test
    void aSubjectAccuracyIsReportedAsAProportionWithAWilsonInterval() {
        MeanMetric m = MeanMetric.of("subject/law");

        MetricSummary s = MetricSummary.of(m.compute(HALF), m instanceof Proportion);

        assertThat(m).isInstanceOf(Proportion.class);
        assertThat(s.wilson95()).hasSize(2).allSatisfy(x -> assertThat(x).isBetween(0.0, 1.0));
    }

    @Test
    void aMacroAccuracyIntervalStaysWithinZeroAndOne() {
        List<SampleScore> scores = List.of(score("a", 1.0, "law"), score("b", 0.0, "art"));

        MetricValue v = new MacroMeanMetric("macro_accuracy", "subject").compute(scores);

        assertThat(v.ciLow()).isEqualTo(0.0);
        assertThat(v.ciHigh()).isEqualTo(1.0);
    }
}
