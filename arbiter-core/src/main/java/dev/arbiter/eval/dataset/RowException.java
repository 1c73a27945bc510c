package dev.arbiter.eval.dataset;

/** A row that cannot become a sample; the loader adds file and line. */
final class RowException extends RuntimeException {
    final String field;

    RowException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }
}
