package dev.arbiter.eval.scorer;

import dev.arbiter.client.ModelClient;
import dev.arbiter.error.InvalidInputException;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A scorer's settings as the user gave them ({@code --scorer-opt key=value}), with typed getters whose errors name
 * the option. {@code judge} is the grading model for the {@code judge} scorer and null otherwise.
 */
public record ScorerOptions(Map<String, String> values, ModelClient judge) {
    public static final ScorerOptions NONE = new ScorerOptions(Map.of(), null);

    public ScorerOptions {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    public static ScorerOptions of(Map<String, String> values) {
        return new ScorerOptions(values, null);
    }

    public ScorerOptions withJudge(ModelClient client) {
        return new ScorerOptions(values, client);
    }

    /** Fails when an option is given that {@code scorer} does not read (a typo would otherwise be silently ignored). */
    public void requireOnly(String scorer, Set<String> known) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("scorer '" + scorer + "' has no option " + String.join(", ", unknown)
                    + " (it accepts: " + String.join(", ", new TreeSet<>(known)) + ")");
        }
    }

    public String string(String key, String fallback) {
        String v = values.get(key);
        return v == null ? fallback : v;
    }

    public boolean bool(String key, boolean fallback) {
        String v = values.get(key);
        if (v == null) return fallback;
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new InvalidInputException("scorer option " + key + ": expected true or false, got '" + v + "'");
        };
    }

    public double number(String key, double fallback) {
        String v = values.get(key);
        if (v == null) return fallback;
        try {
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("scorer option " + key + ": expected a number, got '" + v + "'");
        }
    }

    public Unparseable unparseable() {
        String v = string("unparseable", "unscored").trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "unscored" -> Unparseable.UNSCORED;
            case "incorrect" -> Unparseable.INCORRECT;
            default -> throw new InvalidInputException("scorer option unparseable: expected unscored or incorrect, got '" + v + "'");
        };
    }
}
