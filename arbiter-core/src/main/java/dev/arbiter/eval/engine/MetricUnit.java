package dev.arbiter.eval.engine;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a recorded metric's value is, so a view shows it as what it is and never guesses from the number (an MT-Bench
 * mean of 1.0 on its 1–10 scale is not 100%, and a count of 1 answer is not 100%). Decided from the run record alone,
 * so runs stored before this existed read the same.
 */
public enum MetricUnit {
    /** A fraction in [0, 1] (accuracy, pass@k, a rate): shown as a percentage, a difference in points. */
    proportion,
    /** A number of answers (HumanEval's, MBPP's and LiveCodeBench's passed / failed / timed_out): no interval. */
    count,
    /** A value on the metric's own scale (MT-Bench's and a judge's 1–10 mean): shown as it is. */
    score;

    /** {@code OutcomeCountMetric}'s names: the sandbox's outcome labels. */
    private static final Set<String> COUNTS = Set.of("passed", "failed", "timed_out", "sandbox_error");
    /**
     * Fractions the engine gives no Wilson interval, as their n is not a count of pass/fail trials: pass@k (a mean
     * over problems of each one's pass@k), {@code macro_accuracy} (a mean of subjects' accuracies) and IFEval's
     * instruction-level accuracy (instructions followed over instructions given, n = prompts).
     */
    private static final Pattern FRACTIONS = Pattern.compile("pass@[0-9]+|macro_accuracy|inst_level_(strict|loose)_acc");

    /**
     * The unit of metric {@code name} as recorded; null when it has no value (nothing to show). A proportion is what
     * the engine gave a Wilson interval (only {@code Proportion} metrics get one) or one of the fractions named above.
     */
    public static MetricUnit of(String name, MetricSummary s) {
        if (s == null || s.value() == null) return null;
        if (COUNTS.contains(name)) return count;
        if (s.wilson95() != null || FRACTIONS.matcher(name).matches()) return proportion;
        return score;
    }
}
