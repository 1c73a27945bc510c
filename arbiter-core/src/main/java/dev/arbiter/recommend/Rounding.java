package dev.arbiter.recommend;

import java.util.Locale;

/** One rounding for every view (text, JSON): scores to whole points, speeds to whole tok/s (one decimal below 10). */
public final class Rounding {
    private Rounding() {}

    public static double score(double v) { return Math.round(v); }

    public static Double tokensPerS(Double v) {
        if (v == null) return null;
        return v < 10 ? Math.round(v * 10) / 10.0 : (double) Math.round(v);
    }

    /** "~31 tok/s", "~4.2 tok/s", or "speed unknown". */
    public static String speed(Double tokensPerS) {
        Double r = tokensPerS(tokensPerS);
        if (r == null) return "speed unknown";
        return "~" + (r < 10 ? String.format(Locale.US, "%.1f", r) : String.format(Locale.US, "%.0f", r)) + " tok/s";
    }
}
