package dev.arbiter.eval.task.mtbench.pairwise;

import java.util.List;
import java.util.Map;

/**
 * Pairwise MT-Bench of run A against run B under one judge: every count is from A's side (a win is A better).
 *
 * @param judge         the judge client's description (protocol, URL, model)
 * @param shared        questions both runs answered
 * @param judgeCalls    judge requests made: two per comparison
 * @param parseFailures judge answers with no readable verdict
 * @param judgeErrors   judge calls that failed after retries
 * @param byTurn        {@code turn_1}, {@code turn_2}
 * @param byCategory    MT-Bench category → tally, in name order
 * @param comparisons   every comparison, by question id then turn
 * @param notes         differences between the runs a reader should know about
 */
public record PairwiseReport(PairSide a, PairSide b, String judge, int shared, int onlyInA, int onlyInB, int judgeCalls,
                             int parseFailures, int judgeErrors, WinTally overall, Map<String, WinTally> byTurn,
                             Map<String, WinTally> byCategory, List<PairOutcome> comparisons, List<String> notes) {
    public PairwiseReport {
        byTurn = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byTurn));
        byCategory = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byCategory));
        comparisons = List.copyOf(comparisons);
        notes = List.copyOf(notes);
        if (judgeCalls != 2 * comparisons.size()) {
            throw new IllegalArgumentException("judge_calls must be two per comparison, got " + judgeCalls + " for " + comparisons.size());
        }
    }
}
