package dev.arbiter.bench;

import java.util.List;

/**
 * What a benchmark run does: its levels in order (a sweep when several), each bounded by {@code bound}, after
 * {@code warmup} unmeasured requests; {@code seed} fixes the prompts and the arrival times. With a {@code search},
 * the levels are chosen as the run goes (open loop, rates from {@link SloSearch}) and {@code levels} is ignored.
 */
public record BenchPlan(List<LoadLevel> levels, BenchRunner.Bound bound, int warmup, long seed, Slo slo,
                        SloSearch search) {
    public BenchPlan {
        if (search == null && (levels == null || levels.isEmpty())) throw new IllegalArgumentException("a benchmark needs at least one level");
        levels = levels == null ? List.of() : List.copyOf(levels);
        if (search != null && (slo == null || slo.isEmpty())) throw new IllegalArgumentException("an SLO search needs --slo");
        if (bound == null) throw new IllegalArgumentException("a benchmark needs a bound");
        if (warmup < 0) throw new IllegalArgumentException("--warmup must be >= 0");
        if (slo == null) slo = new Slo(null, null, null);
    }
}
