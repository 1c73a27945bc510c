package dev.arbiter.eval.task.humaneval;

import dev.arbiter.eval.Metric;
import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.sandbox.Outcome;

import java.util.List;

/**
 * How many scored samples ended with one outcome (the Score metadata "outcome"). Sandbox errors are unscored, so
 * the engine's unscored count is where they show.
 */
public final class OutcomeCountMetric implements Metric {
    private final Outcome outcome;

    public OutcomeCountMetric(Outcome outcome) {
        this.outcome = outcome;
    }

    @Override
    public String name() { return outcome.label(); }

    @Override
    public MetricValue compute(List<SampleScore> scores) {
        long count = scores.stream()
                .filter(s -> outcome.label().equals(s.score().metadata().get(HumanEvalScorer.OUTCOME))).count();
        return new MetricValue(name(), count, null, null, null, scores.size());
    }
}
