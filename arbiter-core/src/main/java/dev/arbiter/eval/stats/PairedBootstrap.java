package dev.arbiter.eval.stats;

import java.util.Arrays;
import java.util.Random;

/**
 * Paired bootstrap over per-sample differences: resample the n differences with replacement, {@code resamples}
 * times, and read the percentile 95% interval of their mean. The two-sided p-value asks how often a resampled mean,
 * shifted so the null (no difference) holds, lies at least as far from 0 as the observed one:
 * p = (1 + #{|m* − d̄| ≥ |d̄|}) / (1 + resamples). Deterministic for a given Random seed.
 */
public final class PairedBootstrap {
    public static final int DEFAULT_RESAMPLES = 10_000;

    private PairedBootstrap() {}

    public static BootstrapResult run(double[] differences, int resamples, Random random) {
        int n = differences.length;
        if (n == 0) throw new IllegalArgumentException("no paired differences");
        if (resamples < 100) throw new IllegalArgumentException("resamples must be >= 100, got " + resamples);
        double observed = mean(differences);
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += differences[random.nextInt(n)];
            means[r] = sum / n;
        }
        Arrays.sort(means);
        double p;
        if (observed == 0) {
            p = 1.0;
        } else {
            int extreme = 0;
            // Tolerance keeps exact ties (all differences equal) from flipping on rounding noise.
            double eps = 1e-12 * Math.max(1.0, Math.abs(observed));
            for (double m : means) if (Math.abs(m - observed) >= Math.abs(observed) - eps) extreme++;
            p = (extreme + 1.0) / (resamples + 1.0);
        }
        return new BootstrapResult(observed, quantile(means, 0.025), quantile(means, 0.975), p, resamples);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** Linear interpolation between order statistics (numpy's default); {@code sorted} ascending. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
