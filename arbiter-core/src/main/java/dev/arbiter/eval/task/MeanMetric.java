package dev.arbiter.eval.task;

import dev.arbiter.eval.Metric;
import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.metrics.Proportion;
import dev.arbiter.eval.metrics.Stats;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mean of one number per scored sample, optionally restricted to samples whose score metadata matches every
 * {@code where} entry (a subject, a level, a length and a depth; values compared as text). The number is
 * {@link Score#value()} or, when {@code valueKey} is set, the numeric metadata entry of that name (e.g. GSM8K's
 * "strict"); samples lacking it are skipped. Epochs are clustered first, as the engine's metrics do
 * ({@link Stats#perSampleMeans}); standard error is the sample standard deviation over √n of the per-sample values;
 * the interval is mean ± 1.96 · stderr, clipped to [0, 1]: every use averages 0/1 scores or rates (accuracy of a
 * subject, a level or a grid cell; GSM8K's strict and fallback rates), so it is a {@link Proportion}.
 */
public record MeanMetric(String name, String valueKey, Map<String, String> where) implements Metric, Proportion {
    public MeanMetric {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("metric name is required");
        where = where == null ? Map.of() : Map.copyOf(where);
    }

    public static MeanMetric of(String name) { return new MeanMetric(name, null, Map.of()); }

    public MeanMetric valueFrom(String key) { return new MeanMetric(name, key, where); }

    /** This metric restricted further to samples whose metadata {@code key} reads as {@code value}. */
    public MeanMetric where(String key, Object value) {
        Map<String, String> w = new LinkedHashMap<>(where);
        w.put(key, String.valueOf(value));
        return new MeanMetric(name, valueKey, w);
    }

    @Override
    public MetricValue compute(List<SampleScore> scores) {
        List<SampleScore> kept = new ArrayList<>();
        for (SampleScore s : scores) {
            Score score = s.score();
            if (!score.scored()) continue;
            if (!matches(score)) continue;
            if (valueKey != null && asDouble(score.metadata().get(valueKey)) == null) continue;
            kept.add(s);
        }
        double[] xs = Stats.perSampleMeans(kept, s -> valueKey == null ? s.score().value() : asDouble(s.score().metadata().get(valueKey)));
        return summarise(name, xs);
    }

    private boolean matches(Score score) {
        for (Map.Entry<String, String> e : where.entrySet()) {
            if (!e.getValue().equals(String.valueOf(score.metadata().get(e.getKey())))) return false;
        }
        return true;
    }

    /** Mean, stderr and normal 95% interval (clipped to [0, 1]) of proportions {@code xs}; NaN value (and null spread) when empty. */
    static MetricValue summarise(String name, double[] xs) {
        if (xs.length == 0) return new MetricValue(name, Double.NaN, null, null, null, 0);
        double mean = Stats.mean(xs);
        double se = Stats.stderr(xs);
        if (Double.isNaN(se)) return new MetricValue(name, mean, null, null, null, xs.length);
        return new MetricValue(name, mean, se, Math.max(0, mean - Stats.Z95 * se), Math.min(1, mean + Stats.Z95 * se), xs.length);
    }

    static Double asDouble(Object o) {
        if (o instanceof Number num) return num.doubleValue();
        if (o instanceof Boolean b) return b ? 1.0 : 0.0;
        return null;
    }
}
