package dev.arbiter.util;

import java.time.Instant;

/**
 * {@link Instant#toString()} (ISO-8601, {@code DateTimeFormatter.ISO_INSTANT}), with the date and time of day
 * formatted once per second: an eval stamps every answer, and {@code Instant.toString} (a formatter walking its
 * printer-parsers, building a {@code LocalDateTime} each time) was a fifth of a record's JSON at 16,384 answers
 * (docs/performance.md). The fraction is written as ISO_INSTANT writes it: none for a whole second, else 3, 6 or 9
 * digits, as many groups of three as the nanoseconds need.
 */
public final class IsoInstant {
    private IsoInstant() {}

    /** The last second formatted: its epoch second and its text without the trailing {@code Z}. Replaced whole. */
    private record Second(long epochSecond, String text) {}

    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    /** Exactly {@code t.toString()}. */
    public static String format(Instant t) {
        Second s = last;
        if (s.epochSecond != t.getEpochSecond()) {
            String whole = Instant.ofEpochSecond(t.getEpochSecond()).toString();
            s = new Second(t.getEpochSecond(), whole.substring(0, whole.length() - 1));
            last = s;
        }
        int nano = t.getNano();
        if (nano == 0) return s.text + 'Z';
        StringBuilder b = new StringBuilder(s.text.length() + 11).append(s.text).append('.');
        int digits = nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
        int value = digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1_000 : nano;
        String v = Integer.toString(value);
        for (int i = v.length(); i < digits; i++) b.append('0');
        return b.append(v).append('Z').toString();
    }
}
