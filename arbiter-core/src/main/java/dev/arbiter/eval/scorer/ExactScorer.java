package dev.arbiter.eval.scorer;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.harness.inspect.InspectWords;

import java.util.Set;

/**
 * Inspect's {@code exact}: 1 when the answer's words equal any target's words, else 0 ({@link InspectWords}: case,
 * ASCII punctuation outside numbers and articles ignored, numbers compared by value, word order ignored). Unlike
 * Inspect, which passes over a target whose first character is whitespace, every target counts.
 */
public final class ExactScorer implements Scorer {
    private final InspectWords words;

    public ExactScorer(InspectWords words) {
        this.words = words;
    }

    @Override
    public String name() { return "exact"; }

    @Override
    public Score score(TaskState state) {
        String answer = state.completion().strip();
        if (state.sample().target().isEmpty()) return Score.unscored(answer, "sample has no target");
        Set<String> got = words.of(answer);
        for (String t : state.sample().target()) {
            if (words.of(t).equals(got)) return Score.of(1.0, answer, "matches target '" + t + "'");
        }
        return Score.of(0.0, answer, "no target matches");
    }
}
