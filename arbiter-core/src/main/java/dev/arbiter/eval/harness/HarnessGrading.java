package dev.arbiter.eval.harness;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.metrics.Accuracy;
import dev.arbiter.eval.task.MeanMetric;
import dev.arbiter.eval.task.gsm8k.Gsm8kScorer;
import dev.arbiter.eval.task.gsm8k.LmEvalGsm8kScorer;
import dev.arbiter.eval.task.math.MathScorer;
import dev.arbiter.eval.task.math.MinervaScorer;
import dev.arbiter.eval.task.math.QwenMathScorer;

import java.util.List;

/**
 * A reference profile's grading of a stored task's answers, for {@code rescore RUN --harness H}: the same answers
 * judged as another harness would. Prompts cannot change after the fact, so only the grading is swapped; the
 * manifest says which profile graded.
 *
 * @param scorer  the profile's scorer for the task
 * @param metrics the metrics it reports
 */
public record HarnessGrading(Scorer scorer, List<Metric> metrics) {
    public HarnessGrading {
        metrics = List.copyOf(metrics);
    }

    /** The grading of {@code profile} for a stored run of {@code task} (its recorded name, e.g. {@code gsm8k-standard-8}). */
    public static HarnessGrading of(String task, HarnessProfile profile) {
        if (task.equals("math") || task.equals("math500")) {
            return switch (profile) {
                case ARBITER -> new HarnessGrading(new MathScorer(), List.of(new Accuracy()));
                case QWEN -> new HarnessGrading(new QwenMathScorer(), List.of(new Accuracy()));
                case LM_EVAL -> new HarnessGrading(new MinervaScorer(), List.of(new Accuracy()));
                default -> throw HarnessProfile.unsupported(task, profile, "arbiter, lm-eval, qwen");
            };
        }
        if (task.startsWith("gsm8k")) {
            return switch (profile) {
                case ARBITER -> new HarnessGrading(new Gsm8kScorer(), List.of(new Accuracy(),
                        MeanMetric.of("strict_accuracy").valueFrom("strict"), MeanMetric.of("fallback_rate").valueFrom("fallback")));
                case LM_EVAL -> new HarnessGrading(new LmEvalGsm8kScorer(!task.equals("gsm8k-lm-eval-5")), List.of(new Accuracy(),
                        MeanMetric.of("strict_match").valueFrom("strict"), MeanMetric.of("flexible_extract").valueFrom("flexible")));
                default -> throw HarnessProfile.unsupported(task, profile, "arbiter, lm-eval");
            };
        }
        throw new InvalidInputException("rescore --harness is defined for stored math and gsm8k runs, not " + task
                + " (its prompts are part of the profile: run eval --harness instead)");
    }
}
