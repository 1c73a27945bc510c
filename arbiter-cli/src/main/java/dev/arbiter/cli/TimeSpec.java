package dev.arbiter.cli;

import dev.arbiter.error.InvalidInputException;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A time span as users type it: {@code 90}, {@code 90s}, {@code 500ms}, {@code 5m}, {@code 1h} (bare numbers are seconds). */
final class TimeSpec {
    private static final Pattern P = Pattern.compile("([0-9]*\\.?[0-9]+)\\s*(ms|s|m|h)?");

    private TimeSpec() {}

    static Duration parse(String s, String flag) {
        Matcher m = P.matcher(s == null ? "" : s.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new InvalidInputException(flag + ": cannot read '" + s + "'; expected e.g. 90s, 500ms, 5m, 1h");
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double ms = switch (unit) {
            case "ms" -> v;
            case "m" -> v * 60_000;
            case "h" -> v * 3_600_000;
            default -> v * 1000;
        };
        if (!(ms >= 1)) throw new InvalidInputException(flag + ": '" + s + "' must be at least 1 ms");
        return Duration.ofMillis(Math.round(ms));
    }
}
