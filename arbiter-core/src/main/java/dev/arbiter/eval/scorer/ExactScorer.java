package dev.arbiter.eval.scorer;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

/** 1 when the whole (normalised) answer equals any (normalised) target, else 0. */
public final class ExactScorer implements Scorer {
    private final TextNormalizer normalizer;

    public ExactScorer(TextNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    @Override
    public String name() { return "exact"; }

    @Override
    public Score score(TaskState state) {
        String answer = state.completion().strip();
        if (state.sample().target().isEmpty()) return Score.unscored(answer, "sample has no target");
        String got = normalizer.apply(answer);
        for (String t : state.sample().target()) {
            if (normalizer.apply(t).equals(got)) return Score.of(1.0, answer, "matches target '" + t + "'");
        }
        return Score.of(0.0, answer, "no target matches");
    }
}
