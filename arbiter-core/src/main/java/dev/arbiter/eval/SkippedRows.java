package dev.arbiter.eval;

import java.util.List;

/**
 * The rows of a dataset file left out as invalid ({@code --skip-invalid}), recorded in the run manifest
 * ({@code dataset_skipped}) so that a run says what it did not evaluate.
 *
 * @param rows  how many rows were skipped
 * @param lines where the first {@link #MAX_LINES} of them start, as {@code file:line}, in file order
 */
public record SkippedRows(int rows, List<String> lines) {
    /** Lines listed at most; the count covers them all. */
    public static final int MAX_LINES = 100;

    public SkippedRows {
        if (rows < 1) throw new IllegalArgumentException("skipped rows must be >= 1, got " + rows);
        lines = List.copyOf(lines.size() > MAX_LINES ? lines.subList(0, MAX_LINES) : lines);
        if (lines.size() > rows) throw new IllegalArgumentException(lines.size() + " lines for " + rows + " skipped rows");
    }
}
