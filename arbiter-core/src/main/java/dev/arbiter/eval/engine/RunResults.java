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
        for (SampleRecord r : records) {
            Object outcome = r.scoreMetadata() == null ? null : r.scoreMetadata().get("outcome");
            if (outcome != null) outcomes.merge(outcome.toString(), 1, Integer::sum);
            if (r.score() != null) {
                scores.add(new SampleScore(r.sampleId(), r.epoch(),
                        new Score(r.score(), r.answer(), r.explanation(), r.scoreMetadata())));
            }
            if (SampleRecord.ERROR.equals(r.status())) errors++;
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
        return new TaskResult(m.task(), m.taskVersion(), m.scorer(), m.samples(), m.epochs(), m.planned(), scores.size(),
                records.size() - scores.size(), errors, missing, values, in, out, cost, cached, outcomes);
    }
}
