package dev.arbiter.recommend;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Uncertainty carried to the rank by Monte Carlo: each draw takes every axis of every ranked model from its
 * distribution, recomputes the scores and ranks them. A model's interval is the 5th–95th percentile of its drawn
 * scores, its rank range the 5th–95th percentile of its drawn ranks. Seeded, so a catalogue and a request always give
 * the same intervals.
 */
final class ScoreDraws {
    static final int DRAWS = 2000;
    static final long SEED = 20261207L;

    record Interval(double low, double high, int rankLow, int rankHigh) {}

    private ScoreDraws() {}

    /** Intervals for {@code ranked}, in its order. */
    static List<Interval> of(List<Scored> ranked) {
        int n = ranked.size();
        double[][] scores = new double[n][DRAWS];
        int[][] ranks = new int[n][DRAWS];
        Random rnd = new Random(SEED);
        Integer[] order = new Integer[n];
        Scored.Draws[] draws = new Scored.Draws[n];
        for (int i = 0; i < n; i++) draws[i] = ranked.get(i).draws();
        for (int d = 0; d < DRAWS; d++) {
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = draws[i].next(rnd);
                scores[i][d] = s[i];
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));
            for (int r = 0; r < n; r++) ranks[order[r]][d] = r + 1;
        }
        Interval[] out = new Interval[n];
        for (int i = 0; i < n; i++) {
            Arrays.sort(scores[i]);
            Arrays.sort(ranks[i]);
            out[i] = new Interval(quantile(scores[i], 0.05), quantile(scores[i], 0.95),
                    ranks[i][(int) Math.floor(0.05 * (DRAWS - 1))], ranks[i][(int) Math.ceil(0.95 * (DRAWS - 1))]);
        }
        return List.of(out);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
