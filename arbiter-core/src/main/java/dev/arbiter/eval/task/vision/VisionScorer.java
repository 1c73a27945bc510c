package dev.arbiter.eval.task.vision;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Grades a short answer about an image with the benchmark's own metric: {@code relaxed_accuracy} (ChartQA) or
 * {@code anls} (DocVQA, and the OCR control). The prediction is the answer's last non-empty line with an
 * "Answer:" label, Markdown bold, wrapping quotes and one trailing full stop removed — what lmms-eval's prompt
 * ("Answer the question using a single word or phrase.") asks a model to give, without penalising the usual
 * wrappers. An empty answer scores 0. The sample's generator parameters go into the score's
 * metadata, so per-kind metrics and a failure's look-up need nothing else.
 */
public final class VisionScorer implements Scorer {
    public enum Metric { RELAXED_ACCURACY, ANLS }

    private static final Pattern LABEL = Pattern.compile("^(final answer|answer)\\s*[:：]\\s*", Pattern.CASE_INSENSITIVE);
    private final Metric metric;

    public VisionScorer(Metric metric) {
        this.metric = metric;
    }

    @Override
    public String name() { return metric == Metric.ANLS ? "anls" : "relaxed_accuracy"; }

    @Override
    public Score score(TaskState state) {
        String prediction = prediction(state.completion());
        List<String> targets = state.sample().target();
        // An empty answer is a wrong answer here, not an unreadable one: scoring it 0 keeps a model that stays
        // silent on hard images from looking better than one that tries.
        double value = prediction.isEmpty() ? 0.0
                : metric == Metric.ANLS ? Anls.score(targets, prediction) : RelaxedAccuracy.score(targets, prediction);
        Map<String, Object> meta = new HashMap<>();
        for (String key : List.of("generator", "kind", "question_type", "field")) {
            Object v = state.sample().metadata().get(key);
            if (v != null) meta.put(key, v);
        }
        String why = (metric == Metric.ANLS ? "ANLS " : "relaxed accuracy ") + String.format(java.util.Locale.US, "%.3f", value)
                + " against " + targets;
        return new Score(value, prediction, why, meta);
    }

    static String prediction(String completion) {
        if (completion == null) return "";
        String last = "";
        for (String line : completion.strip().split("\\R")) if (!line.isBlank()) last = line.strip();
        String p = LABEL.matcher(last).replaceFirst("").strip();
        if (p.startsWith("**") && p.endsWith("**") && p.length() >= 4) p = p.substring(2, p.length() - 2).strip();
        if (p.length() >= 2 && (p.startsWith("\"") && p.endsWith("\"") || p.startsWith("'") && p.endsWith("'"))) {
            p = p.substring(1, p.length() - 1).strip();
        }
        if (p.endsWith(".")) p = p.substring(0, p.length() - 1).strip();
        return p;
    }
}
