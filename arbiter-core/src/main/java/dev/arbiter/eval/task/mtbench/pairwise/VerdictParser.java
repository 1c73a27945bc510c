package dev.arbiter.eval.task.mtbench.pairwise;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a pairwise judge's verdict in the order it was shown: {@code [[A]]} (first answer better), {@code [[B]]}
 * (second) or {@code [[C]]} (tie). FastChat takes the first of A, B, C present in that priority; here the
 * <em>last</em> verdict in the text wins, like {@code RatingParser}: the prompt asks for the verdict after the
 * explanation, and a judge that restates the format ("[[A]] if A is better…") does so before deciding. A judgment with
 * one verdict (the usual case) reads the same as in FastChat. Answers cannot plant a verdict: their {@code [[} is
 * defused before the judge sees them. No verdict is a parse failure, counted, never a tie.
 */
public final class VerdictParser {
    private static final Pattern VERDICT = Pattern.compile("\\[\\[([ABC])]]");

    private VerdictParser() {}

    /** The verdict in presentation order (A = the answer shown first), or empty when the judgment has none. */
    public static Optional<PairVerdict> parse(String judgment) {
        if (judgment == null) return Optional.empty();
        String found = null;
        Matcher m = VERDICT.matcher(judgment);
        while (m.find()) found = m.group(1);
        if (found == null) return Optional.empty();
        return Optional.of(switch (found) {
            case "A" -> PairVerdict.A;
            case "B" -> PairVerdict.B;
            default -> PairVerdict.TIE;
        });
    }
}
