package dev.arbiter.eval.metrics;

import dev.arbiter.eval.SampleScore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The arithmetic behind every metric, small enough to check by hand. Epochs are clustered first: each sample's
 * scored epochs are averaged into one value, and the mean, standard error and intervals are taken over those
 * per-sample values (Inspect's "mean" epoch reducer), so K answers to one question never count as K questions.
 */
public final class Stats {
    /** Two-sided 95% normal quantile, Φ⁻¹(0.975). */
    public static final double Z95 = 1.959963984540054;

    private Stats() {}

    /** One value per sample id (in first-seen order): the mean of that sample's values over its epochs. */
    public static double[] perSampleMeans(List<SampleScore> scores, ToDoubleFunction<SampleScore> value) {
        Map<String, double[]> sums = new LinkedHashMap<>(); // id → {sum, count}
        for (SampleScore s : scores) {
            double[] acc = sums.computeIfAbsent(s.sampleId(), k -> new double[2]);
            acc[0] += value.applyAsDouble(s);
            acc[1] += 1;
        }
        double[] out = new double[sums.size()];
        int i = 0;
        for (double[] acc : sums.values()) out[i++] = acc[0] / acc[1];
        return out;
    }

    public static double mean(double[] xs) {
        if (xs.length == 0) return Double.NaN;
        double sum = 0;
        for (double x : xs) sum += x;
        return sum / xs.length;
    }

    /** Sample standard deviation (divides by n − 1); NaN below two values. */
    public static double sampleStd(double[] xs) {
        if (xs.length < 2) return Double.NaN;
        double m = mean(xs);
        double ss = 0;
        for (double x : xs) ss += (x - m) * (x - m);
        return Math.sqrt(ss / (xs.length - 1));
    }

    /** Standard error of the mean, s / √n; NaN below two values. */
    public static double stderr(double[] xs) {
        return sampleStd(xs) / Math.sqrt(xs.length);
    }

    /**
     * Wilson score interval at 95% for a proportion {@code p} observed over {@code n} trials: {lo, hi}, always
     * inside [0, 1] and sensible at p = 0 or 1 where the normal interval collapses to a point.
     */
    public static double[] wilson95(double p, int n) {
        if (n <= 0) throw new IllegalArgumentException("n must be > 0, got " + n);
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[]{Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
