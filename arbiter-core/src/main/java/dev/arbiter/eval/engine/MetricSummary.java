package dev.arbiter.eval.engine;

import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.metrics.Stats;

import java.util.List;

/**
 * A metric as the run record shows it. Unknown values are null (never NaN, which JSON cannot carry).
 *
 * @param ci95     normal-approximation 95% interval, value ± 1.96·stderr as computed, never clipped: for a proportion
 *                 near 0 or 1 it passes beyond [0, 1] (3 of 11: [-0.0033, 0.5488]), which is the normal interval's
 *                 own failing there, and why {@code wilson95} is given beside it; null below two samples
 * @param wilson95 Wilson 95% interval, for proportions only (better near 0 and 1 and for small n)
 * @param n        samples the value was computed from (epochs averaged per sample first)
 */
public record MetricSummary(Double value, Double stderr, List<Double> ci95, List<Double> wilson95, int n) {
    public static MetricSummary of(MetricValue v, boolean proportion) {
        Double value = Double.isNaN(v.value()) ? null : v.value();
        List<Double> ci = v.ciLow() != null && v.ciHigh() != null ? List.of(v.ciLow(), v.ciHigh()) : null;
        List<Double> wilson = null;
        if (proportion && value != null && v.n() > 0 && value >= 0 && value <= 1) {
            double[] w = Stats.wilson95(value, v.n());
            wilson = List.of(w[0], w[1]);
        }
        return new MetricSummary(value, v.stderr(), ci, wilson, v.n());
    }
}
