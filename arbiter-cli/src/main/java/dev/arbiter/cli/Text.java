package dev.arbiter.cli;

import java.util.Locale;

/**
 * Number formatting for people: "-" for missing values. Formats name Locale.US, never ROOT: the digits and separators
 * are the same, but the JDK's Formatter takes them from locale data for any locale but US, and loading that data
 * was a tenth of the start-up of {@code models} (docs/performance.md).
 */
public final class Text {
    private Text() {}

    public static String tokens(long n) {
        if (n >= 1_000_000 && n % 1_000_000 == 0) return n / 1_000_000 + "M";
        if (n >= 1_048_576 && n % 1_048_576 == 0) return n / 1_048_576 + "M";
        if (n >= 1024 && n % 1024 == 0) return n / 1024 + "K";
        if (n >= 1000 && n % 1000 == 0) return n / 1000 + "K";
        return Long.toString(n);
    }

    public static String params(long n) {
        if (n >= 0.95e9) return String.format(Locale.US, "%.1fB", n / 1e9);
        if (n >= 1e6) return String.format(Locale.US, "%.0fM", n / 1e6);
        return String.format(Locale.US, "%,d", n);
    }

    public static String gib(long bytes) {
        return String.format(Locale.US, "%.1f GiB", bytes / (double) (1L << 30));
    }

    public static String num(Double v, int decimals) {
        if (v == null || v.isNaN()) return "-";
        return String.format(Locale.US, "%." + decimals + "f", v);
    }
}
