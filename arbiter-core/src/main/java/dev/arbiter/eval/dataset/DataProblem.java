package dev.arbiter.eval.dataset;

/**
 * One bad row: where it is and what is wrong with it.
 *
 * @param line  1-based line in the file where the row starts
 * @param field the column or key at fault (as named in the file), or null when the whole row is bad
 */
public record DataProblem(String file, int line, String field, String message) {
    @Override
    public String toString() {
        return file + " line " + line + (field == null ? "" : ", field '" + field + "'") + ": " + message;
    }
}
