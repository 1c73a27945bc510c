package dev.arbiter.probe;

import java.util.ArrayList;
import java.util.List;

/** Wall time of a guard's calls per decision, in ms (nearest-rank percentiles). */
public record GuardLatency(int n, double meanMs, long p50Ms, long p95Ms, long maxMs) {
    static GuardLatency of(List<Long> ms) {
        if (ms.isEmpty()) return null;
        List<Long> s = new ArrayList<>(ms);
        s.sort(null);
        double sum = 0;
        for (long x : s) sum += x;
        return new GuardLatency(s.size(), sum / s.size(), rank(s, 0.50), rank(s, 0.95), s.get(s.size() - 1));
    }

    private static long rank(List<Long> sorted, double q) {
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
