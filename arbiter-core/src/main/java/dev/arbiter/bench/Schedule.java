package dev.arbiter.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Open-loop arrival times, computed before the level starts as absolute offsets from its start (nanoseconds), so a
 * late send never delays the ones after it: the dispatcher sleeps until {@code start + offset[i]}, not for a gap
 * after the previous send (relative sleeps drift: vLLM #21104 delivered 183.5 of 200 req/s).
 */
public final class Schedule {
    private Schedule() {}

    /**
     * Poisson arrivals at {@code rate}/s: exponential gaps drawn from {@code seed}; the first request at 0. At most
     * {@code maxRequests} arrivals (null: no count bound) and only those before {@code durationNanos} (null: none);
     * at least one bound is required. An infinite rate sends every request at 0.
     */
    public static long[] poisson(double rate, Integer maxRequests, Long durationNanos, long seed) {
        if (maxRequests == null && durationNanos == null) throw new IllegalArgumentException("a schedule needs a count or a duration");
        if (!(rate > 0)) throw new IllegalArgumentException("rate must be > 0");
        if (Double.isInfinite(rate)) {
            if (maxRequests == null) throw new IllegalArgumentException("an infinite rate needs a request count");
            return new long[maxRequests];
        }
        SplittableRandom random = new SplittableRandom(seed);
        long[] out = new long[maxRequests != null ? maxRequests : 16];
        int n = 0;
        double t = 0;
        while (maxRequests == null || n < maxRequests) {
            long at = Math.round(t * 1e9);
            if (durationNanos != null && at >= durationNanos) break;
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = at;
            // inverse-CDF draw; 1 - u is in (0, 1] so the log is finite
            t += -Math.log(1.0 - random.nextDouble()) / rate;
        }
        return Arrays.copyOf(out, n);
    }
}
