package dev.arbiter.compare;

/**
 * One benchmark figure in the comparison table: what the vendor published (with its setting and source) and,
 * where the 2026 article quotes a figure, the article's claim beside it with its own source. Any figure may be
 * missing (null); a figure present without where it comes from is refused here, so no view can print one.
 *
 * @param source       where the vendor's {@code value} was published (required with it)
 * @param setting      e.g. "instruct, 0-shot, pass@1"
 * @param articleSource where the article's figure comes from ({@code article:…} in the catalogue; required with it)
 * @param articleSetting the article claim's own setting or note, or null
 * @param articleMatches when the article's figure equals another of the vendor's settings (e.g. the base model's
 *                       while the cell shows the instruct one): that setting; null otherwise
 * @param vendorLookup for an article figure the vendor published nothing for: where the vendor's figures were
 *                     looked up and found silent (the catalogue's {@code vendor_lookup}); null otherwise
 * @param measured the user's own measured value from a stored run, in the same unit, or null
 * @param measuredRun the run that measured it (required with it: the run is that figure's source)
 * @param measuredSetting how that run asked ({@link MeasuredSetting#label()}), or null
 * @param measuredVersus whether a published figure was measured in the run's setting ({@link MeasuredSetting#versus})
 * @param measuredStatus the measured run's status (completed, running, failed, interrupted), or null
 * @param measuredAnswered answers the measured run stored, of {@code measuredPlanned} (samples × epochs); a run that
 *                 is not completed or has answers missing is incomplete ({@link #measuredIncomplete()})
 */
public record Cell(Double value, String setting, String source, Double articleValue, String articleSetting,
                   String articleSource, String articleMatches, String vendorLookup,
                   Double measured, String measuredRun, String measuredSetting, String measuredVersus,
                   String measuredStatus, Integer measuredAnswered, Integer measuredPlanned) {
    public Cell {
        sourced("value", value, "source", source);
        sourced("articleValue", articleValue, "articleSource", articleSource);
        sourced("measured", measured, "measuredRun", measuredRun);
        if (vendorLookup != null && articleValue == null) {
            throw new IllegalArgumentException("Cell.vendorLookup is said of an article figure, and this cell has none");
        }
    }

    /** A cell without a measured run's setting or progress, nor a vendor lookup. */
    public Cell(Double value, String setting, String source, Double articleValue, String articleSource, String articleMatches,
                Double measured, String measuredRun) {
        this(value, setting, source, articleValue, null, articleSource, articleMatches, null, measured, measuredRun,
                null, null, null, null, null);
    }

    private static void sourced(String figureField, Double figure, String sourceField, String source) {
        if (figure != null && (source == null || source.isBlank())) {
            throw new IllegalArgumentException("Cell." + sourceField + " is required with Cell." + figureField + " ("
                    + figure + "): every figure shown carries where it comes from");
        }
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
