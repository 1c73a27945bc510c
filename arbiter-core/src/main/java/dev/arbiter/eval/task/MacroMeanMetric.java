package dev.arbiter.eval.task;

import dev.arbiter.eval.Metric;
import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.SampleScore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The unweighted mean of per-group means (MMLU's macro accuracy: every subject counts once, whatever its size).
 * Groups come from the score metadata entry {@code groupKey}; scores without it are ignored. {@code n} is the
 * number of groups; the standard error is that of the group means.
 */
public record MacroMeanMetric(String name, String groupKey) implements Metric {
    public MacroMeanMetric {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("metric name is required");
        if (groupKey == null || groupKey.isBlank()) throw new IllegalArgumentException("group key is required");
    }

    @Override
    public MetricValue compute(List<SampleScore> scores) {
        Map<String, double[]> sums = new TreeMap<>(); // group -> {sum, count}
        for (SampleScore s : scores) {
            if (!s.score().scored()) continue;
            Object g = s.score().metadata().get(groupKey);
            if (g == null) continue;
            double[] acc = sums.computeIfAbsent(g.toString(), k -> new double[2]);
            acc[0] += s.score().value();
            acc[1] += 1;
        }
        List<Double> means = new ArrayList<>();
        for (double[] acc : sums.values()) means.add(acc[0] / acc[1]);
        return MeanMetric.summarise(name, means);
    }
}
