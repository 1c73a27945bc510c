package dev.arbiter.eval.task.gsm8k;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.harness.lmeval.ExactMatch;
import dev.arbiter.eval.harness.lmeval.RegexFilter;

import java.util.HashMap;
import java.util.Map;

/**
 * lm-eval {@code gsm8k_cot} (or {@code gsm8k}) grading, filter for filter ({@code lm_eval/tasks/gsm8k/gsm8k-cot.yaml},
 * EleutherAI/lm-evaluation-harness 4e7e0d47): {@code strict-match} (regex {@code The answer is (\-?[0-9\.\,]+).}, take
 * first) and {@code flexible-extract} (regex {@code (-?[$0-9.,]{2,})|(-?[0-9]+)}, group_select -1), each scored by
 * {@code exact_match} with the yaml's ignore rules against {@code answer.split('####')[-1].strip()}. The value is
 * strict-match; {@code flexible} is in the metadata.
 */
public final class LmEvalGsm8kScorer implements Scorer {
    static final RegexFilter STRICT = RegexFilter.of("The answer is (\\-?[0-9\\.\\,]+).");
    /** {@code gsm8k.yaml}'s strict-match: the solution format its shots teach. */
    static final RegexFilter STRICT_GSM8K = RegexFilter.of("#### (\\-?[0-9\\.\\,]+)");
    static final RegexFilter FLEXIBLE = new RegexFilter("(-?[$0-9.,]{2,})|(-?[0-9]+)", -1, null);

    private final boolean cot;

    /** {@code gsm8k_cot}'s grading. */
    public LmEvalGsm8kScorer() { this(true); }

    /** @param cot true: {@code gsm8k_cot}'s strict-match ("The answer is N."); false: {@code gsm8k}'s ("#### N") */
    public LmEvalGsm8kScorer(boolean cot) { this.cot = cot; }

    @Override
    public String name() { return cot ? "lm_eval_gsm8k_cot" : "lm_eval_gsm8k"; }

    @Override
    public Score score(TaskState state) {
        Object solution = state.sample().metadata().get("solution");
        String target = solution instanceof String s ? s.substring(s.lastIndexOf("####") + 4).strip() : state.sample().firstTarget();
        String strict = (cot ? STRICT : STRICT_GSM8K).apply(state.completion());
        String flexible = FLEXIBLE.apply(state.completion());
        boolean strictOk = ExactMatch.GSM8K.matches(strict, target);
        boolean flexibleOk = ExactMatch.GSM8K.matches(flexible, target);
        Map<String, Object> meta = new HashMap<>();
        meta.put("strict", strictOk ? 1.0 : 0.0);
        meta.put("flexible", flexibleOk ? 1.0 : 0.0);
        meta.put("flexible_answer", flexible);
        return new Score(strictOk ? 1.0 : 0.0, strict, "strict-match " + (strictOk ? "equals " : "differs from ") + target, meta);
    }
}
