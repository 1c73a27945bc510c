package dev.arbiter.eval.task;

import dev.arbiter.eval.Metric;
import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.metrics.Stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The unweighted mean of per-group means (MMLU's macro accuracy: every subject counts once, whatever its size).
 * Groups come from the score metadata entry {@code groupKey}; scores without it are ignored. {@code n} is the
 * number of groups. The groups are fixed (MMLU's 57 subjects), the questions within each are the sample: the standard
 * error is the stratified one, √(Σ SE_g²) ÷ G with SE_g each group's standard error of its mean, so it shrinks as
 * questions are added (the spread of the group means measures how unlike the subjects are, not sampling error, and
 * did not). No interval when a group has fewer than two answers (its SE cannot be estimated). The interval is
 * clipped to [0, 1] (the group means are accuracies). Epochs are clustered within each group first.
 */
public record MacroMeanMetric(String name, String groupKey) implements Metric {
    public MacroMeanMetric {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("metric name is required");
        if (groupKey == null || groupKey.isBlank()) throw new IllegalArgumentException("group key is required");
    }

    @Override
    public MetricValue compute(List<SampleScore> scores) {
        Map<String, List<SampleScore>> groups = new TreeMap<>();
        for (SampleScore s : scores) {
            if (!s.score().scored()) continue;
            Object g = s.score().metadata().get(groupKey);
            if (g != null) groups.computeIfAbsent(g.toString(), k -> new ArrayList<>()).add(s);
        }
        int count = groups.size();
        if (count == 0) return new MetricValue(name, Double.NaN, null, null, null, 0);
        double sumOfMeans = 0;
        double variance = 0;  // Σ SE_g², NaN once a group has a single answer
        for (List<SampleScore> g : groups.values()) {
            double[] xs = Stats.perSampleMeans(g, s -> s.score().value());
            sumOfMeans += Stats.mean(xs);
            double se = Stats.stderr(xs);
            variance += se * se;
        }
        double mean = sumOfMeans / count;
        if (Double.isNaN(variance)) return new MetricValue(name, mean, null, null, null, count);
        double se = Math.sqrt(variance) / count;
        return new MetricValue(name, mean, se, Math.max(0, mean - Stats.Z95 * se), Math.min(1, mean + Stats.Z95 * se), count);
    }
}
