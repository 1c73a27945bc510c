package dev.arbiter.bench;

import java.util.List;

/**
 * Finds the highest open-loop request rate whose level still meets the SLO: a level meets it when at least
 * {@code minFraction} of its ended requests were good (goodput fraction). Doubles from {@code startRate} until a
 * level misses, then bisects between the best rate that met and the lowest that missed until they are within 10%
 * of each other, or {@code maxLevels} levels have run. When even the start misses, it halves downwards.
 */
public record SloSearch(double startRate, double minFraction, int maxLevels, Integer cap) {
    /** Bisection stops when (missed − met) ÷ missed is below this. */
    static final double RESOLUTION = 0.10;

    public SloSearch {
        if (!(startRate > 0) || Double.isInfinite(startRate)) throw new IllegalArgumentException("the search needs a finite start rate > 0");
        if (!(minFraction > 0 && minFraction <= 1)) throw new IllegalArgumentException("the SLO fraction must be in (0, 1]");
        if (maxLevels < 1) throw new IllegalArgumentException("the search needs at least one level");
    }

    public static boolean meets(LevelResult l, double minFraction) {
        return l.goodput() != null && l.goodput().fraction() != null && l.completed() > 0
                && l.goodput().fraction() >= minFraction;
    }

    /** The rate to try next after {@code done}, or null when the search is over. */
    public Double next(List<LevelResult> done) {
        if (done.isEmpty()) return startRate;
        if (done.size() >= maxLevels) return null;
        Double met = best(done);
        Double missed = null;
        for (LevelResult l : done) {
            if (!meets(l, minFraction) && (met == null || l.rate() > met) && (missed == null || l.rate() < missed)) missed = l.rate();
        }
        if (missed == null) return met * 2;                       // everything so far met: go higher
        if (met == null) return missed / 2;                        // nothing met yet: go lower
        if ((missed - met) / missed < RESOLUTION) return null;
        return (met + missed) / 2;
    }

    /** The highest rate that met the SLO, or null. */
    public Double best(List<LevelResult> done) {
        Double met = null;
        for (LevelResult l : done) {
            if (l.rate() != null && meets(l, minFraction) && (met == null || l.rate() > met)) met = l.rate();
        }
        return met;
    }
}
