package dev.arbiter.eval.task;

import dev.arbiter.eval.Metric;
import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.Score;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The mean of one number per scored sample, optionally restricted to samples whose score metadata has
 * {@code groupKey = groupValue} (a subject, a level, a turn). The number is {@link Score#value()} or, when
 * {@code valueKey} is set, the numeric metadata entry of that name (e.g. GSM8K's "strict"); samples lacking it
 * are skipped. Standard error is the sample standard deviation over √n; the interval is mean ± 1.96 · stderr.
 */
public record MeanMetric(String name, String valueKey, String groupKey, Object groupValue) implements Metric {
    public MeanMetric {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("metric name is required");
        if ((groupKey == null) != (groupValue == null)) {
            throw new IllegalArgumentException("group key and group value go together, got " + groupKey + "=" + groupValue);
        }
    }

    public static MeanMetric of(String name) { return new MeanMetric(name, null, null, null); }

    public MeanMetric valueFrom(String key) { return new MeanMetric(name, key, groupKey, groupValue); }

    public MeanMetric where(String key, Object value) { return new MeanMetric(name, valueKey, key, value); }

    @Override
    public MetricValue compute(List<SampleScore> scores) {
        List<Double> xs = new ArrayList<>();
        for (SampleScore s : scores) {
            Score score = s.score();
            if (!score.scored()) continue;
            if (groupKey != null && !Objects.equals(String.valueOf(score.metadata().get(groupKey)), String.valueOf(groupValue))) continue;
            Double x = valueKey == null ? score.value() : asDouble(score.metadata().get(valueKey));
            if (x != null) xs.add(x);
        }
        return summarise(name, xs);
    }

    /** Mean, stderr and 95% interval of {@code xs}; NaN value (and null spread) when empty. */
    public static MetricValue summarise(String name, List<Double> xs) {
        int n = xs.size();
        if (n == 0) return new MetricValue(name, Double.NaN, null, null, null, 0);
        double sum = 0;
        for (double x : xs) sum += x;
        double mean = sum / n;
        if (n == 1) return new MetricValue(name, mean, null, null, null, 1);
        double ss = 0;
        for (double x : xs) ss += (x - mean) * (x - mean);
        double stderr = Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        return new MetricValue(name, mean, stderr, mean - 1.96 * stderr, mean + 1.96 * stderr, n);
    }

    static Double asDouble(Object o) {
        if (o instanceof Number num) return num.doubleValue();
        if (o instanceof Boolean b) return b ? 1.0 : 0.0;
        return null;
    }
}
