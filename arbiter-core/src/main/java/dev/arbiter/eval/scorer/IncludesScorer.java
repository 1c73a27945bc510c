package dev.arbiter.eval.scorer;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

/** 1 when any (normalised) target occurs inside the (normalised) answer, else 0. An empty target never matches. */
public final class IncludesScorer implements Scorer {
    private final TextNormalizer normalizer;

    public IncludesScorer(TextNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    @Override
    public String name() { return "includes"; }

    @Override
    public Score score(TaskState state) {
        String answer = state.completion().strip();
        if (state.sample().target().isEmpty()) return Score.unscored(answer, "sample has no target");
        String got = normalizer.apply(answer);
        for (String t : state.sample().target()) {
            String want = normalizer.apply(t);
            if (!want.isEmpty() && got.contains(want)) return Score.of(1.0, answer, "contains target '" + t + "'");
        }
        return Score.of(0.0, answer, "no target found in the answer");
    }
}
