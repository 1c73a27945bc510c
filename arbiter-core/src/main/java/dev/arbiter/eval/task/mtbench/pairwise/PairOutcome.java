package dev.arbiter.eval.task.mtbench.pairwise;

/**
 * One comparison (a question's turn) judged in both orders, decided by FastChat's rule: a side wins only when both
 * orders name it; any disagreement between the orders is a tie and counts as inconsistent (position bias). When
 * either order has no verdict the comparison is unjudged and left out of the rates, as FastChat drops its errors.
 *
 * @param aFirst  the judgment with run A shown as assistant A
 * @param bFirst  the judgment with run B shown as assistant A
 * @param winner  A, B or TIE; null when unjudged
 * @param inconsistent the two orders gave different verdicts (then {@code winner} is TIE)
 */
public record PairOutcome(int questionId, String category, int turn, Judgment aFirst, Judgment bFirst, PairVerdict winner,
                          boolean inconsistent) {
    public PairOutcome {
        if (turn != 1 && turn != 2) throw new IllegalArgumentException("turn must be 1 or 2, got " + turn);
        if (aFirst == null || bFirst == null) throw new IllegalArgumentException("both judgments are required");
        if (inconsistent && winner != PairVerdict.TIE) throw new IllegalArgumentException("an inconsistent comparison is a tie");
    }

    public static PairOutcome decide(int questionId, String category, int turn, Judgment aFirst, Judgment bFirst) {
        PairVerdict g1 = aFirst.winner();
        PairVerdict g2 = bFirst.winner();
        if (g1 == null || g2 == null) return new PairOutcome(questionId, category, turn, aFirst, bFirst, null, false);
        if (g1 == g2) return new PairOutcome(questionId, category, turn, aFirst, bFirst, g1, false);
        return new PairOutcome(questionId, category, turn, aFirst, bFirst, PairVerdict.TIE, true);
    }

    public boolean judged() {
        return winner != null;
    }
}
