package dev.arbiter.eval.engine;

import dev.arbiter.eval.Metric;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.metrics.Proportion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reduces a run's stored answers to its task result: counts, metrics over scored answers only, tokens and cost. */
final class RunResults {
    private RunResults() {}

    static TaskResult summarise(RunManifest m, List<Metric> metrics, List<SampleRecord> records) {
        Double pricePerMillionIn = m.pricePerMillionIn();
        Double pricePerMillionOut = m.pricePerMillionOut();
        List<SampleScore> scores = new ArrayList<>();
        int errors = 0;
        int cached = 0;
        long in = 0;
        long out = 0;
        double billedIn = 0;   // tokens of calls actually made in this run: cached answers cost nothing again
        double billedOut = 0;
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        Map<SampleOutcome, Integer> sampleOutcomes = new java.util.EnumMap<>(SampleOutcome.class);
        int unratedTurns = 0;
        for (SampleRecord r : records) {
            sampleOutcomes.merge(r.outcome(), 1, Integer::sum);
            Object outcome = r.scoreMetadata() == null ? null : r.scoreMetadata().get("outcome");
            if (outcome != null) outcomes.merge(outcome.toString(), 1, Integer::sum);
            if (r.score() != null && r.scoreMetadata() != null && r.scoreMetadata().get(UNSCORED_TURNS) instanceof Number u) {
                unratedTurns += u.intValue();  // of answers that were scored: an answer with no rated turn is unscored
            }
            if (r.score() != null) {
                scores.add(new SampleScore(r.sampleId(), r.epoch(),
                        new Score(r.score(), r.answer(), r.explanation(), r.scoreMetadata())));
            }
            if (r.outcome() == SampleOutcome.ERROR) errors++;  // a context overflow is its own outcome, not an error
            double made = r.calls() <= 0 ? 1.0 : (double) Math.max(0, r.calls() - r.cachedCalls()) / r.calls();
            if (r.tokensIn() != null) {
                in += r.tokensIn();
                billedIn += r.tokensIn() * made;
            }
            if (r.tokensOut() != null) {
                out += r.tokensOut();
                billedOut += r.tokensOut() * made;
            }
            cached += r.cachedCalls();
        }
        Map<String, MetricSummary> values = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            values.put(metric.name(), MetricSummary.of(metric.compute(scores), metric instanceof Proportion));
        }
        Double cost = null;
        if (pricePerMillionIn != null || pricePerMillionOut != null) {
            cost = billedIn / 1e6 * (pricePerMillionIn == null ? 0 : pricePerMillionIn)
                    + billedOut / 1e6 * (pricePerMillionOut == null ? 0 : pricePerMillionOut);
        }
        int missing = Math.max(0, m.planned() - records.size());
        Map<String, Integer> byName = new LinkedHashMap<>();
        sampleOutcomes.forEach((o, n) -> byName.put(o.jsonName(), n));
        return new TaskResult(m.task(), m.taskVersion(), m.scorer(), m.samples(), m.epochs(), m.planned(), scores.size(),
                records.size() - scores.size(), errors, missing, values, in, out, cost, cached, outcomes, byName,
                hints(m, sampleOutcomes, unratedTurns));
    }

    /**
     * Score metadata of a judge that rates each turn of a conversation (MT-Bench): how many of the sample's turns got
     * no readable rating. Those turns are left out of the turn means (as FastChat leaves out a rating of -1), so the
     * summary says how many there were: the metric's n alone does not.
     */
    static final String UNSCORED_TURNS = "unscored_turns";

    /** What the user can do about the run's outcomes, for people. */
    static List<String> hints(RunManifest m, Map<SampleOutcome, Integer> counts, int unratedTurns) {
        List<String> hints = new ArrayList<>();
        int truncated = counts.getOrDefault(SampleOutcome.TRUNCATED, 0);
        if (truncated > 0) {
            Integer max = m.generation() == null ? null : m.generation().maxTokens();
            hints.add(truncated + " answer" + (truncated == 1 ? " was" : "s were") + " cut off at the token limit"
                    + (max == null ? "" : " (max_tokens " + max + ")") + " and left unscored: raise --max-tokens"
                    + " (reasoning models need several thousand)");
        }
        int overflow = counts.getOrDefault(SampleOutcome.CONTEXT_OVERFLOW, 0);
        if (overflow > 0) {
            hints.add(overflow + " prompt" + (overflow == 1 ? " does" : "s do") + " not fit the served context"
                    + (m.server() == null || m.server().contextLength() == null ? "" : " (" + m.server().contextLength() + " tokens)")
                    + ": serve the model with a longer context (Ollama: --context) or shorten the prompts");
        }
        if (unratedTurns > 0) {
            hints.add(unratedTurns + " turn" + (unratedTurns == 1 ? "" : "s") + " of scored answers got no judge rating that"
                    + " could be read and " + (unratedTurns == 1 ? "is" : "are") + " left out of the means (as FastChat leaves"
                    + " out a rating of -1); each answer's score_metadata holds the judgment");
        }
        return hints;
    }
}
