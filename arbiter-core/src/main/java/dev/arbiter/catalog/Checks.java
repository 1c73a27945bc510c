package dev.arbiter.catalog;

/** Field checks for records built from catalogue files; messages name the field as it is spelled in YAML. */
final class Checks {
    private Checks() {}

    static void positive(String field, long v) {
        if (v == 0) throw new IllegalArgumentException(field + " is missing (expected a number > 0)");
        if (v <= 0) throw new IllegalArgumentException(field + " must be > 0, got " + v);
    }

    static void nonNegative(String field, long v) {
        if (v < 0) throw new IllegalArgumentException(field + " must be >= 0, got " + v);
    }

    static String required(String field, String v) {
        if (v == null || v.isBlank()) throw new IllegalArgumentException(field + " is required");
        return v;
    }

    static <T> T required(String field, T v) {
        if (v == null) throw new IllegalArgumentException(field + " is required");
        return v;
    }
}
