package dev.arbiter.eval.task.math;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

import java.util.Map;

/**
 * MATH graded as Qwen2.5-Math's evaluation grades it ({@code --harness qwen}): the answer {@link QwenAnswer} reads
 * (its {@code extract_answer}, so an unboxed "the answer is 42." or a last number counts) against the reference by
 * {@link MathEquivalence#qwenEquivalent}, which adds {@code grader.py}'s numeric tolerance to Arbiter's equivalence.
 * Metadata carries {@code subject}, {@code level} and {@code answer_source} (the extraction branch).
 */
public final class QwenMathScorer implements Scorer {
    @Override
    public String name() { return "qwen_math_equal"; }

    @Override
    public Score score(TaskState state) {
        String reference = state.sample().firstTarget();
        QwenAnswer.Found found = QwenAnswer.extract(state.completion());
        Map<String, Object> meta = MathScorer.metadata(state, found.source() == QwenAnswer.Source.BOXED, found.source().name());
        if (found.value().isEmpty()) return new Score(0.0, found.value(), "Qwen's extract_answer found no answer", meta);
        boolean ok = MathEquivalence.qwenEquivalent(found.value(), reference);
        return new Score(ok ? 1.0 : 0.0, found.value(), (ok ? "equivalent to " : "not equivalent to ") + reference, meta);
    }
}
