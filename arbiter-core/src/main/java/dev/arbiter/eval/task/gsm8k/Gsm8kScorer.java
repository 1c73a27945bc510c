package dev.arbiter.eval.task.gsm8k;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.harness.lmeval.ExactMatch;
import dev.arbiter.eval.harness.lmeval.RegexFilter;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Scores a GSM8K answer twice: strict exactly as lm-eval's strict-match (its regexes, first match, its exact_match
 * rules: "18.0" is not "18") and flexible (Arbiter's lenient extraction, falling back to the last number, compared
 * as numbers). The score value is the flexible verdict; metadata holds
 * {@code strict} (1/0), {@code flexible} (1/0), {@code fallback} (whether the last-number fallback was used),
 * {@code strict_answer} and {@code source}. A text with no number at all is wrong, not unscored: the model answered.
 */
public final class Gsm8kScorer implements Scorer {
    // EleutherAI/lm-evaluation-harness 4e7e0d47, lm_eval/tasks/gsm8k/gsm8k-cot.yaml and gsm8k.yaml, filter "strict-match"
    static final RegexFilter STRICT_COT = RegexFilter.of("The answer is (\\-?[0-9\\.\\,]+).");
    static final RegexFilter STRICT_HASHES = RegexFilter.of("#### (\\-?[0-9\\.\\,]+)");

    @Override
    public String name() { return "gsm8k_match"; }

    @Override
    public Score score(TaskState state) {
        String gold = state.sample().firstTarget();
        String text = state.completion();
        String strict = strictAnswer(text);
        Object solution = state.sample().metadata().get("solution");
        NumberAnswer.Extraction flexible = NumberAnswer.flexible(text);
        boolean strictOk = !strict.equals(RegexFilter.INVALID)
                && ExactMatch.GSM8K.matches(strict, solution instanceof String sol ? sol : gold);
        boolean flexibleOk = same(flexible.value(), gold);
        Map<String, Object> meta = new HashMap<>();
        meta.put("strict", strictOk ? 1.0 : 0.0);
        meta.put("flexible", flexibleOk ? 1.0 : 0.0);
        meta.put("fallback", flexible.fallback());
        meta.put("source", flexible.source().name().toLowerCase(java.util.Locale.ROOT));
        if (!strict.equals(RegexFilter.INVALID)) meta.put("strict_answer", strict);
        String why = flexible.value() == null ? "no number in the answer"
                : (flexibleOk ? "matches " : "differs from ") + gold + " (" + meta.get("source") + ")";
        return new Score(flexibleOk ? 1.0 : 0.0, flexible.value(), why, meta);
    }

    /**
     * lm-eval's strict-match, regex for regex: {@code gsm8k-cot.yaml}'s {@code The answer is (\-?[0-9\.\,]+).}, else
     * {@code gsm8k.yaml}'s {@code #### (\-?[0-9\.\,]+)}, each its first match; {@code [invalid]} when neither matches.
     */
    static String strictAnswer(String text) {
        String cot = STRICT_COT.apply(text);
        return cot.equals(RegexFilter.INVALID) ? STRICT_HASHES.apply(text) : cot;
    }

    /** Numeric equality of two normalised answers ("18" = "18.0"). */
    static boolean same(String answer, String gold) {
        if (answer == null || gold == null) return false;
        try {
            return new BigDecimal(answer).compareTo(new BigDecimal(gold)) == 0;
        } catch (NumberFormatException e) {
            return answer.equals(gold);
        }
    }
}
