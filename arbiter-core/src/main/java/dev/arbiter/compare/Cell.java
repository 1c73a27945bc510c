package dev.arbiter.compare;

/**
 * One benchmark figure in the comparison table: what the vendor published (with its setting and source) and,
 * where the 2026 article quotes a figure, the article's claim beside it. Any part may be missing (null).
 *
 * @param setting e.g. "instruct, 0-shot, pass@1"
 * @param articleMatches when the article's figure equals another of the vendor's settings (e.g. the base model's
 *                       while the cell shows the instruct one): that setting; null otherwise
 * @param measured the user's own measured value from a stored run, in the same unit, or null
 * @param measuredSetting how that run asked ({@link MeasuredSetting#label()}), or null
 * @param measuredVersus whether a published figure was measured in the run's setting ({@link MeasuredSetting#versus})
 * @param measuredStatus the measured run's status (completed, running, failed, interrupted), or null
 * @param measuredAnswered answers the measured run stored, of {@code measuredPlanned} (samples × epochs); a run that
 *                 is not completed or has answers missing is incomplete ({@link #measuredIncomplete()})
 */
public record Cell(Double value, String setting, String source, Double articleValue, String articleMatches,
                   Double measured, String measuredRun, String measuredSetting, String measuredVersus,
                   String measuredStatus, Integer measuredAnswered, Integer measuredPlanned) {
    /** A cell without a measured run's setting. */
    public Cell(Double value, String setting, String source, Double articleValue, String articleMatches,
                Double measured, String measuredRun) {
        this(value, setting, source, articleValue, articleMatches, measured, measuredRun, null, null, null, null, null);
    }

    /** The measured figure comes from a run that did not complete: it is shown, marked, and not comparable. */
    public boolean measuredIncomplete() {
        return progress() != null && !progress().complete();
    }

    /** "running, 44 of 350 answers", or null for a complete run. */
    public String measuredProgress() {
        return measuredIncomplete() ? progress().describe() : null;
    }

    private MeasuredRuns.Progress progress() {
        if (measuredStatus == null || measuredAnswered == null || measuredPlanned == null) return null;
        return new MeasuredRuns.Progress(measuredStatus, measuredAnswered, measuredPlanned);
    }

    public boolean disagrees() {
        return value != null && articleValue != null && Math.abs(value - articleValue) >= 0.05;
    }

    /** How to label the article's figure beside the vendor's, or null when there is nothing to say. */
    public String articleNote(java.util.function.DoubleFunction<String> fmt) {
        if (articleValue == null || (value != null && !disagrees())) return null;
        return articleMatches == null ? fmt.apply(articleValue) : fmt.apply(articleValue) + " = " + articleMatches;
    }
}
