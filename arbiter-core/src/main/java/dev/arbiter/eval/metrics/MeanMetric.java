package dev.arbiter.eval.metrics;

import dev.arbiter.eval.Metric;
import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.SampleScore;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Clustered mean with standard error and normal 95% interval (mean ± 1.96·SE). Below two samples the standard
 * error is unknown and reported as null rather than 0.
 */
class MeanMetric implements Metric {
    private final String name;
    private final ToDoubleFunction<SampleScore> value;

    MeanMetric(String name, ToDoubleFunction<SampleScore> value) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("metric name is required");
        this.name = name;
        this.value = value;
    }

    @Override
    public String name() { return name; }

    @Override
    public MetricValue compute(List<SampleScore> scores) {
        double[] xs = Stats.perSampleMeans(scores, value);
        if (xs.length == 0) return new MetricValue(name, Double.NaN, null, null, null, 0);
        double m = Stats.mean(xs);
        double se = Stats.stderr(xs);
        if (Double.isNaN(se)) return new MetricValue(name, m, null, null, null, xs.length);
        return new MetricValue(name, m, se, m - Stats.Z95 * se, m + Stats.Z95 * se, xs.length);
    }

    @Override
    public String toString() { return name; }
}
