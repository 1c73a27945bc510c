package dev.arbiter.eval.task.mtbench.pairwise;

/**
 * One judge call in one presentation order.
 *
 * @param winner the verdict mapped back to the runs (A = run A, whichever position it was shown in); null when the
 *               judgment had no readable verdict or the call failed
 * @param error  why the judge call failed, null when the judge answered
 */
public record Judgment(PairVerdict winner, String error) {
    public Judgment {
        if (winner != null && error != null) throw new IllegalArgumentException("a failed judge call has no winner (error: " + error + ")");
    }

    public static Judgment failed(String error) {
        if (error == null || error.isBlank()) throw new IllegalArgumentException("error is required");
        return new Judgment(null, error);
    }

    /** True when the judge answered but no verdict could be read from its text. */
    public boolean unparsed() {
        return winner == null && error == null;
    }
}
