package dev.arbiter.eval.task.mtbench.pairwise;

import dev.arbiter.eval.metrics.Stats;

import java.util.List;

/**
 * Win, loss and tie counts of run A against run B over a set of comparisons, with rates and Wilson 95% intervals.
 * Rates are over judged comparisons (unjudged ones are counted apart); the decisive win share is wins over wins plus
 * losses, the usual way to ask "which is better" once ties are set aside. Intervals treat comparisons as independent;
 * the two turns of one question are not quite (FastChat reports no interval at all). A rate over zero comparisons is
 * null (absent in JSON), never 0.
 *
 * @param judged       comparisons with a verdict in both orders: wins + losses + ties
 * @param inconsistent ties that arose because the two orders disagreed (a subset of ties)
 * @param unjudged     comparisons left out because a judgment could not be read or the judge call failed
 */
public record WinTally(int judged, int wins, int losses, int ties, int inconsistent, int unjudged,
                       Double winRate, List<Double> winRateCi95, Double lossRate, List<Double> lossRateCi95,
                       Double tieRate, List<Double> tieRateCi95, Double decisiveWinShare, List<Double> decisiveWinShareCi95) {
    public WinTally {
        if (wins < 0 || losses < 0 || ties < 0 || inconsistent < 0 || unjudged < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
        if (wins + losses + ties != judged) throw new IllegalArgumentException("judged must equal wins + losses + ties, got " + judged);
        if (inconsistent > ties) throw new IllegalArgumentException("inconsistent (" + inconsistent + ") cannot exceed ties (" + ties + ")");
    }

    public static WinTally of(List<PairOutcome> outcomes) {
        int wins = 0;
        int losses = 0;
        int ties = 0;
        int inconsistent = 0;
        int unjudged = 0;
        for (PairOutcome o : outcomes) {
            if (!o.judged()) {
                unjudged++;
                continue;
            }
            switch (o.winner()) {
                case A -> wins++;
                case B -> losses++;
                case TIE -> ties++;
            }
            if (o.inconsistent()) inconsistent++;
        }
        int n = wins + losses + ties;
        int decisive = wins + losses;
        return new WinTally(n, wins, losses, ties, inconsistent, unjudged,
                rate(wins, n), ci(wins, n), rate(losses, n), ci(losses, n), rate(ties, n), ci(ties, n),
                rate(wins, decisive), ci(wins, decisive));
    }

    private static Double rate(int k, int n) {
        return n == 0 ? null : (double) k / n;
    }

    /** {lo, hi} of the Wilson 95% interval, or null over zero comparisons. */
    private static List<Double> ci(int k, int n) {
        if (n == 0) return null;
        double[] w = Stats.wilson95((double) k / n, n);
        return List.of(w[0], w[1]);
    }
}
