package dev.arbiter.eval.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One task's outcome within a run record. Counts are of answers (sample × epoch) except {@code samples}.
 *
 * @param samples   distinct samples selected
 * @param planned   samples × epochs
 * @param scored    answers with a score
 * @param unscored  answers without a score: unparseable ones plus {@code errors}; left out of every metric
 * @param errors    answers with the {@code error} outcome: no answer after retries, or a solver or scorer failure (a
 *                  prompt longer than the served context is not one: {@code sampleOutcomes}' context_overflow)
 * @param missing   planned answers never collected (run failed or was interrupted first)
 * @param metrics   by metric name, in the task's order
 * @param tokensIn  prompt tokens over the answers stored, 0 when the server never reported any
 * @param costUsd   from the endpoint's price per million tokens, for the calls this run made (answers served from
 *                  the response cache are not billed again); null when no price was given
 * @param outcomes  answers by the scorer's {@code outcome} metadata (HumanEval: passed, failed, timed_out,
 *                  sandbox_error), counted over every stored answer, unscored ones included; empty when the scorer
 *                  reports none
 * @param sampleOutcomes answers by {@link SampleOutcome} (json names), counted over every stored answer; the outcomes
 *                  that occurred, zero counts left out
 * @param hints     what the user can do about the outcomes, for people (e.g. raise --max-tokens when answers were
 *                  truncated); empty when nothing calls for action
 */
public record TaskResult(String task, int version, String scorer, int samples, int epochs, int planned, int scored,
                         int unscored, int errors, int missing, Map<String, MetricSummary> metrics, long tokensIn,
                         long tokensOut, Double costUsd, int cachedCalls, Map<String, Integer> outcomes,
                         Map<String, Integer> sampleOutcomes, java.util.List<String> hints) {
    public TaskResult {
        metrics = metrics == null ? Map.of() : new LinkedHashMap<>(metrics);
        outcomes = outcomes == null ? Map.of() : new java.util.TreeMap<>(outcomes);
        sampleOutcomes = sampleOutcomes == null ? Map.of() : new java.util.TreeMap<>(sampleOutcomes);
        hints = hints == null ? java.util.List.of() : java.util.List.copyOf(hints);
    }

    /** Answers whose prompt did not fit the served context (counted among the unscored, not among the errors). */
    public int contextOverflows() {
        return sampleOutcomes.getOrDefault(SampleOutcome.CONTEXT_OVERFLOW.jsonName(), 0);
    }

    /** The failures among the unscored answers, for people: "0 errors", "1 error, 2 over the served context". */
    public String failuresInWords() {
        int overflow = contextOverflows();
        return errors + (errors == 1 ? " error" : " errors") + (overflow == 0 ? "" : ", " + overflow + " over the served context");
    }

    /** The first metric's value, null when there is none (or nothing was scored). */
    public Double headline() {
        return metrics.isEmpty() ? null : metrics.values().iterator().next().value();
    }
}
