package dev.arbiter.eval.task.math;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

import java.util.HashMap;
import java.util.Map;

/**
 * MATH scoring: the last {@code \boxed{}} of the answer against the reference by {@link MathEquivalence}. An answer
 * with no box is wrong (the model was asked for one), flagged {@code boxed: false}. Metadata carries
 * {@code subject} and {@code level} for the per-group metrics.
 */
public final class MathScorer implements Scorer {
    @Override
    public String name() { return "math_equivalence"; }

    @Override
    public Score score(TaskState state) {
        String reference = state.sample().firstTarget();
        String boxed = Boxed.last(state.completion());
        Map<String, Object> meta = new HashMap<>();
        meta.put("subject", state.sample().metadata().get("subject"));
        meta.put("level", state.sample().metadata().get("level"));
        meta.put("boxed", boxed != null);
        if (boxed == null) return new Score(0.0, null, "no \\boxed{} answer", meta);
        boolean ok = MathEquivalence.equivalent(boxed, reference);
        return new Score(ok ? 1.0 : 0.0, boxed, (ok ? "equivalent to " : "not equivalent to ") + reference, meta);
    }
}
