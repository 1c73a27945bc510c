package dev.arbiter.compare;

/**
 * One benchmark figure in the comparison table: what the vendor published (with its setting and source) and,
 * where the 2026 article quotes a figure, the article's claim beside it. Any part may be missing (null).
 *
 * @param setting e.g. "instruct, 0-shot, pass@1"
 * @param measured the user's own measured value from a stored run, in the same unit, or null
 */
public record Cell(Double value, String setting, String source, Double articleValue, Double measured, String measuredRun) {
    public boolean disagrees() {
        return value != null && articleValue != null && Math.abs(value - articleValue) >= 0.05;
    }
}
