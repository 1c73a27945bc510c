package dev.arbiter.cost;

/** Field checks shared by the price records; messages name the field as it is written in the prices file. */
final class PriceChecks {
    private PriceChecks() {}

    static void required(String field, String v) {
        if (v == null || v.isBlank()) throw new IllegalArgumentException(field + " is required");
    }

    /** A price without a checkable source is not data: it must be an http(s) address. */
    static void url(String field, String v) {
        required(field, v);
        if (!v.startsWith("https://") && !v.startsWith("http://")) {
            throw new IllegalArgumentException(field + " must be an http(s) address, got '" + v + "'");
        }
    }
}
