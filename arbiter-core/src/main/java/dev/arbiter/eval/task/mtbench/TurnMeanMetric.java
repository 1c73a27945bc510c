package dev.arbiter.eval.task.mtbench;

import dev.arbiter.eval.Metric;
import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.metrics.Stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mean of per-turn ratings read from score metadata ({@code turn_1}, {@code turn_2}), each rated turn counting once,
 * optionally within one category; a turn's ratings over several epochs are averaged into one value first. MT-Bench's
 * headline {@code score} is this over both turns. The standard error treats turns as independent (FastChat reports
 * none).
 */
public record TurnMeanMetric(String name, List<String> turnKeys, String category) implements Metric {
    public TurnMeanMetric {
        turnKeys = List.copyOf(turnKeys);
    }

    @Override
    public MetricValue compute(List<SampleScore> scores) {
        // One value per (question, turn): the mean of that turn's ratings over the question's epochs, so K epochs of
        // one question are never K more turns (as Stats clusters epochs); with one epoch each rating is its own value.
        Map<String, double[]> byTurn = new LinkedHashMap<>();  // "id\0turn" → {sum, count}
        for (SampleScore s : scores) {
            if (category != null && !category.equals(s.score().metadata().get("category"))) continue;
            for (String k : turnKeys) {
                if (s.score().metadata().get(k) instanceof Number n) {
                    double[] acc = byTurn.computeIfAbsent(s.sampleId() + "\0" + k, x -> new double[2]);
                    acc[0] += n.doubleValue();
                    acc[1] += 1;
                }
            }
        }
        double[] a = byTurn.values().stream().mapToDouble(acc -> acc[0] / acc[1]).toArray();
        if (a.length == 0) return new MetricValue(name, Double.NaN, null, null, null, 0);
        double m = Stats.mean(a);
        double se = Stats.stderr(a);
        if (Double.isNaN(se)) return new MetricValue(name, m, null, null, null, a.length);
        return new MetricValue(name, m, se, m - Stats.Z95 * se, m + Stats.Z95 * se, a.length);
    }
}
