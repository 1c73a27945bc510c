package dev.arbiter.report;

import dev.arbiter.eval.engine.MetricSummary;
import dev.arbiter.eval.engine.MetricUnit;

import java.util.List;

/**
 * A recorded metric as the report carries it: the run record's {@link MetricSummary} and what its value is, so every
 * view shows a proportion as a percentage, a count as a whole number and a score on its own scale.
 *
 * @param unit proportion, count or score ({@link MetricUnit#of}); null when there is no value
 */
public record ReportMetric(Double value, Double stderr, List<Double> ci95, List<Double> wilson95, int n, MetricUnit unit) {
    static ReportMetric of(String name, MetricSummary s) {
        return new ReportMetric(s.value(), s.stderr(), s.ci95(), s.wilson95(), s.n(), MetricUnit.of(name, s));
    }

    /** The interval shown: Wilson's for a proportion, else the normal one; null when there is none. */
    List<Double> interval() {
        return wilson95 != null ? wilson95 : ci95;
    }
}
