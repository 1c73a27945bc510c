package dev.arbiter.eval;

import java.util.Map;

/**
 * A scorer's verdict on one answer. {@code value} is null when the answer could not be scored (unparseable,
 * error after retries): such samples are counted as unscored and left out of the mean, never scored 0.
 *
 * @param value       1.0/0.0 for pass/fail, or a graded value (MT-Bench 1–10); null when unscored
 * @param answer      what was extracted from the model's text
 * @param explanation why (for the log and the report)
 * @param metadata    extra named values (e.g. "strict": 1.0 for GSM8K's strict match, "outcome": "timed_out")
 */
public record Score(Double value, String answer, String explanation, Map<String, Object> metadata) {
    public Score {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        if (value != null && value.isNaN()) value = null;
    }

    public static Score of(double value, String answer, String explanation) {
        return new Score(value, answer, explanation, Map.of());
    }

    public static Score unscored(String answer, String why) {
        return new Score(null, answer, why, Map.of());
    }

    public boolean scored() { return value != null; }
}
