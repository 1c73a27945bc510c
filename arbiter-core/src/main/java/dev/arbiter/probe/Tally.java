package dev.arbiter.probe;

import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.engine.MetricSummary;

/**
 * Counts of attempts of one group (a category, an OWASP id, the controls). Mutable while a report is built.
 * attempts = hits + passes + unscored; the attack success rate is hits / (hits + passes).
 */
final class Tally {
    int attempts;
    int hits;
    int passes;
    int unscored;

    void add(Boolean hit) {
        attempts++;
        if (hit == null) unscored++;
        else if (hit) hits++;
        else passes++;
    }

    /**
     * The rate as eval metrics show it: value, standard error √(p(1−p)/n), normal and Wilson 95% intervals, n = scored
     * attempts. Null when nothing was scored. Attempts of one probe at temperature > 0 are not independent, so with
     * --attempts above 1 the interval is narrower than the truth.
     */
    MetricSummary rate(String name) {
        int n = hits + passes;
        if (n == 0) return null;
        double p = (double) hits / n;
        double se = Math.sqrt(p * (1 - p) / n);
        return MetricSummary.of(new MetricValue(name, p, se, p - 1.959963984540054 * se, p + 1.959963984540054 * se, n), true);
    }
}
