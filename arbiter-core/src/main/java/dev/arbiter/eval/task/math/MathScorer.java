package dev.arbiter.eval.task.math;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

import java.util.HashMap;
import java.util.Map;

/**
 * MATH scoring: the final answer ({@link FinalAnswer}: the last {@code \boxed{}}, else minerva's "Final Answer: The
 * final answer is $X$. I hope it is correct.", else a "the final answer is X" line) against the reference by
 * {@link MathEquivalence}. An answer with none of these is wrong, flagged {@code answer_source: none}. Metadata carries
 * {@code subject} and {@code level} for the per-group metrics.
 */
public final class MathScorer implements Scorer {
    @Override
    public String name() { return "math_equivalence"; }

    @Override
    public Score score(TaskState state) {
        String reference = state.sample().firstTarget();
        FinalAnswer.Found found = FinalAnswer.of(state.completion());
        String boxed = found.value();
        Map<String, Object> meta = metadata(state, found.source() == FinalAnswer.Source.BOXED, found.source().name());
        if (boxed == null) return new Score(0.0, null, "no \\boxed{} answer nor \"The final answer is\" line", meta);
        boolean ok = MathEquivalence.equivalent(boxed, reference);
        return new Score(ok ? 1.0 : 0.0, boxed, (ok ? "equivalent to " : "not equivalent to ") + reference, meta);
    }

    /** A MATH verdict's metadata: the sample's subject and level (the per-group metrics) and where the answer was read. */
    static Map<String, Object> metadata(TaskState state, boolean boxed, String source) {
        Map<String, Object> meta = new HashMap<>();
        meta.put("subject", state.sample().metadata().get("subject"));
        meta.put("level", state.sample().metadata().get("level"));
        meta.put("boxed", boxed);
        meta.put("answer_source", source.toLowerCase(java.util.Locale.ROOT));
        return meta;
    }
}
