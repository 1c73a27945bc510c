package dev.arbiter.eval.task.math;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

import java.util.HashMap;
import java.util.Map;

/**
 * lm-eval {@code minerva_math}'s {@code exact_match}: the answer of minerva's "Final Answer" sentence and the
 * reference's last box, both through {@code normalize_final_answer}, then compared. lm-eval compares with sympy's
 * {@code simplify(parse_latex(a) - parse_latex(b)) == 0}; here {@link MathEquivalence} stands in (a deliberate,
 * documented difference: no sympy in a JVM). A boxed answer without the sentence is invalid, as in lm-eval.
 */
public final class MinervaScorer implements Scorer {
    @Override
    public String name() { return "minerva_exact_match"; }

    @Override
    public Score score(TaskState state) {
        Object solution = state.sample().metadata().get("solution");
        String boxed = solution instanceof String s ? Boxed.last(s) : null;
        String goldRaw = boxed != null ? boxed : state.sample().firstTarget();
        String gold = MinervaNormaliser.normalize(goldRaw);
        String raw = MinervaNormaliser.unnormalizedAnswer(state.completion());
        Map<String, Object> meta = new HashMap<>();
        meta.put("subject", state.sample().metadata().get("subject"));
        meta.put("level", state.sample().metadata().get("level"));
        if (raw.equals(MinervaNormaliser.INVALID)) return new Score(0.0, raw, "no minerva 'Final Answer' sentence", meta);
        String answer = MinervaNormaliser.normalize(raw);
        // normalize_final_answer unwraps \text{}: whether either side held words is read before it did
        boolean words = MathNormaliser.canonical(raw).words() || MathNormaliser.canonical(goldRaw).words();
        boolean ok = MathEquivalence.equivalent(answer, gold, words);
        return new Score(ok ? 1.0 : 0.0, answer, (ok ? "equivalent to " : "not equivalent to ") + gold, meta);
    }
}
