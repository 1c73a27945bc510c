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
import static org.assertj.core.api.Assertions.within;

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
        List<SampleScore> scores = List.of(score("a", 1.0, "law"), score("b", 1.0, "law"), score("c", 0.0, "law"),
                score("d", 1.0, "art"), score("e", 1.0, "art"), score("f", 1.0, "art"), score("g", 0.0, "art"));

        MetricValue v = new MacroMeanMetric("macro_accuracy", "subject").compute(scores);

        assertThat(v.ciHigh()).isEqualTo(1.0);
        assertThat(v.ciLow()).isGreaterThan(0.0);
    }

    @Test
    void macroAccuracysStandardErrorIsTheStratifiedOneAndShrinksWithMoreQuestions() {
        // law 3/4, art 1/5: macro (0.75 + 0.2) / 2; SE_g = s_g / √n_g, SE = √(SE_law² + SE_art²) / 2
        List<SampleScore> small = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) small.add(score("l" + i, i < 3 ? 1.0 : 0.0, "law"));
        for (int i = 0; i < 5; i++) small.add(score("a" + i, i < 1 ? 1.0 : 0.0, "art"));
        MetricValue v = new MacroMeanMetric("macro_accuracy", "subject").compute(small);
        double seLaw = Math.sqrt(0.75 * 0.25 * 4 / 3) / Math.sqrt(4), seArt = Math.sqrt(0.2 * 0.8 * 5 / 4) / Math.sqrt(5);
        assertThat(v.value()).isCloseTo(0.475, within(1e-12));
        assertThat(v.n()).isEqualTo(2);
        assertThat(v.stderr()).isCloseTo(Math.sqrt(seLaw * seLaw + seArt * seArt) / 2, within(1e-12));

        // the same per-subject accuracies over ten times the questions: the standard error falls (by about √10)
        List<SampleScore> large = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) large.add(score("l" + i, i < 30 ? 1.0 : 0.0, "law"));
        for (int i = 0; i < 50; i++) large.add(score("a" + i, i < 10 ? 1.0 : 0.0, "art"));
        MetricValue w = new MacroMeanMetric("macro_accuracy", "subject").compute(large);
        assertThat(w.value()).isCloseTo(0.475, within(1e-12));
        assertThat(w.stderr()).isLessThan(v.stderr() / 3);

        // a subject with one answer: its SE cannot be estimated, so no interval is claimed
        MetricValue one = new MacroMeanMetric("macro_accuracy", "subject").compute(List.of(score("a", 1.0, "law"), score("b", 0.0, "art")));
        assertThat(one.value()).isEqualTo(0.5);
        assertThat(one.stderr()).isNull();
        assertThat(one.ciLow()).isNull();
    }
}
