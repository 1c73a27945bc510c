package dev.arbiter.report;

/**
 * A catalogue figure checked by a run: the published value with its setting and source beside the measured value with
 * its 95% interval, both in the published unit (percent; MT-Bench's 1–10).
 *
 * @param ciLow      the measured 95% interval's ends, null below two samples
 * @param interval   which interval {@code ciLow}/{@code ciHigh} are: {@code wilson95} (the metric's Wilson interval,
 *                   recorded for proportions) or {@code ci95} (its normal interval, value ± 1.96·SE); null without one
 * @param n          answers the measured value is over (the metric's n)
 * @param status     the run's status (completed, running, failed, interrupted)
 * @param answered   answers the run stored, of {@code planned} (samples × epochs)
 * @param published  the vendor's figure, null when the catalogue has none for this benchmark
 * @param difference measured − published, null without a published figure or from an incomplete run
 * @param verdict    {@code confirmed} (published inside the measured 95% interval), {@code below_published} (the
 *                   interval lies below it), {@code above_published}, or {@code no_published_figure}; without an
 *                   interval (fewer than two samples) {@code too_few_samples}; {@code incomplete_run} when the run
 *                   did not complete or has answers missing, whatever its figure: a partial run is not a random
 *                   sample of the benchmark, so nothing is confirmed or contradicted from it
 */
public record MeasuredClaim(String runId, String model, String catalogModel, String task, String benchmark,
                            String metric, double measured, Double ciLow, Double ciHigh, String interval, int n,
                            String status, int answered, int planned, Double published,
                            String setting, String source, Double article, Double difference, String verdict) {
    public static final String CONFIRMED = "confirmed";
    public static final String BELOW = "below_published";
    public static final String ABOVE = "above_published";
    public static final String NO_FIGURE = "no_published_figure";
    public static final String TOO_FEW = "too_few_samples";
    public static final String INCOMPLETE = "incomplete_run";
    /** {@link #interval()}: the metric's Wilson interval. */
    public static final String WILSON = "wilson95";
    /** {@link #interval()}: the metric's normal interval. */
    public static final String NORMAL = "ci95";

    /** The verdict for a published figure against a measured interval (both in the same unit). */
    static String verdict(Double published, Double ciLow, Double ciHigh) {
        if (published == null) return NO_FIGURE;
        if (ciLow == null || ciHigh == null) return TOO_FEW;
        if (published > ciHigh) return BELOW;
        if (published < ciLow) return ABOVE;
        return CONFIRMED;
    }
}
