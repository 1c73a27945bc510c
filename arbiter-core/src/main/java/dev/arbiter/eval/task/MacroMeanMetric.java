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
 * number of groups; the standard error is that of the group means, the interval clipped to [0, 1] (the group means are
 * accuracies). Epochs are clustered within each group first.
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
        double[] means = new double[groups.size()];
        int i = 0;
        for (List<SampleScore> g : groups.values()) means[i++] = Stats.mean(Stats.perSampleMeans(g, s -> s.score().value()));
        return MeanMetric.summarise(name, means);
    }
}
