package dev.arbiter.bench;

import java.util.Arrays;

/**
 * Summary of one latency metric over a level, in milliseconds. Exact: the values are sorted, not binned, so there is
 * no histogram precision to state; percentiles use linear interpolation between closest ranks (numpy's default
 * {@code percentile}, which vLLM's {@code bench serve} uses), so the same samples give vLLM's numbers to the last
 * digit. {@code std} is the population standard deviation (numpy {@code std}, ddof 0). With no samples every
 * statistic is null (shown as "-"), never 0.
 *
 * @param n number of samples the statistics rest on
 */
public record Distribution(int n, Double mean, Double std, Double min, Double p50, Double p90, Double p95, Double p99,
                           Double max) {
    public static final Distribution EMPTY = new Distribution(0, null, null, null, null, null, null, null, null);

    public Distribution {
        if (n < 0) throw new IllegalArgumentException("n must be >= 0");
        if (n > 0 && (mean == null || p50 == null)) throw new IllegalArgumentException("a non-empty distribution needs its statistics");
    }

    /** Statistics of {@code nanos} (not modified), reported in milliseconds. */
    public static Distribution ofNanos(long[] nanos, int count) {
        if (count == 0) return EMPTY;
        long[] v = Arrays.copyOf(nanos, count);
        Arrays.sort(v);
        double sum = 0;
        for (long x : v) sum += x;
        double mean = sum / count;
        double sq = 0;
        for (long x : v) sq += (x - mean) * (x - mean);
        return new Distribution(count, ms(mean), ms(Math.sqrt(sq / count)), ms(v[0]), ms(percentile(v, 50)),
                ms(percentile(v, 90)), ms(percentile(v, 95)), ms(percentile(v, 99)), ms(v[count - 1]));
    }

    public static Distribution ofNanos(long[] nanos) {
        return ofNanos(nanos, nanos.length);
    }

    /** The p-th percentile (0..100) of sorted values: linear interpolation at rank p/100 × (n − 1). */
    static double percentile(long[] sorted, double p) {
        double rank = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - (double) sorted[lo]) * (rank - lo);
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }
}
