package dev.arbiter.eval.task.gsm8k;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Scores a GSM8K answer twice, as lm-eval does: strict (the "The answer is N" / "#### N" format only) and flexible
 * (any extraction, falling back to the last number). The score value is the flexible verdict; metadata holds
 * {@code strict} (1/0), {@code flexible} (1/0), {@code fallback} (whether the last-number fallback was used),
 * {@code strict_answer} and {@code source}. A text with no number at all is wrong, not unscored: the model answered.
 */
public final class Gsm8kScorer implements Scorer {
    @Override
    public String name() { return "gsm8k_match"; }

    @Override
    public Score score(TaskState state) {
        String gold = state.sample().firstTarget();
        String text = state.completion();
        NumberAnswer.Extraction strict = NumberAnswer.strict(text);
        NumberAnswer.Extraction flexible = NumberAnswer.flexible(text);
        boolean strictOk = same(strict.value(), gold);
        boolean flexibleOk = same(flexible.value(), gold);
        Map<String, Object> meta = new HashMap<>();
        meta.put("strict", strictOk ? 1.0 : 0.0);
        meta.put("flexible", flexibleOk ? 1.0 : 0.0);
        meta.put("fallback", flexible.fallback());
        meta.put("source", flexible.source().name().toLowerCase(java.util.Locale.ROOT));
        if (strict.value() != null) meta.put("strict_answer", strict.value());
        String why = flexible.value() == null ? "no number in the answer"
                : (flexibleOk ? "matches " : "differs from ") + gold + " (" + meta.get("source") + ")";
        return new Score(flexibleOk ? 1.0 : 0.0, flexible.value(), why, meta);
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
