package dev.arbiter.eval.task.mtbench;

import dev.arbiter.eval.Metric;
import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.metrics.Stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Mean of per-turn ratings read from score metadata ({@code turn_1}, {@code turn_2}), each rated turn counting once,
 * optionally within one category. MT-Bench's headline {@code score} is this over both turns. The standard error treats
 * turns as independent (FastChat reports none).
 */
public record TurnMeanMetric(String name, List<String> turnKeys, String category) implements Metric {
    public TurnMeanMetric {
        turnKeys = List.copyOf(turnKeys);
    }

    @Override
    public MetricValue compute(List<SampleScore> scores) {
        List<Double> xs = new ArrayList<>();
        for (SampleScore s : scores) {
            if (category != null && !category.equals(s.score().metadata().get("category"))) continue;
            for (String k : turnKeys) {
                if (s.score().metadata().get(k) instanceof Number n) xs.add(n.doubleValue());
            }
        }
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        if (a.length == 0) return new MetricValue(name, Double.NaN, null, null, null, 0);
        double m = Stats.mean(a);
        double se = Stats.stderr(a);
        if (Double.isNaN(se)) return new MetricValue(name, m, null, null, null, a.length);
        return new MetricValue(name, m, se, m - Stats.Z95 * se, m + Stats.Z95 * se, a.length);
    }
}
