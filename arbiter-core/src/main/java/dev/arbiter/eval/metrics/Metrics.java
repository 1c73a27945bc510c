package dev.arbiter.eval.metrics;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Metric;

import java.util.List;
import java.util.Locale;

/** Metrics by name, for tasks and for the command line. */
public final class Metrics {
    public static final List<String> NAMES = List.of(Accuracy.NAME, Mean.NAME);

    private Metrics() {}

    /** {@code accuracy} or {@code mean}; anything else is a usage error naming the choices. */
    public static Metric named(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case Accuracy.NAME -> new Accuracy();
            case Mean.NAME -> new Mean();
            default -> throw new InvalidInputException("unknown metric '" + name + "'; expected one of " + NAMES);
        };
    }

    /** What a pass/fail task reports: accuracy. */
    public static List<Metric> passFail() {
        return List.of(new Accuracy());
    }

    /** What a graded task reports: the mean. */
    public static List<Metric> graded() {
        return List.of(new Mean());
    }
}
