package dev.arbiter.eval.task.vision;

import java.util.List;
import java.util.Locale;

/**
 * ChartQA's relaxed accuracy (Masry et al. 2022), as its reference code computes it (pix2struct's
 * {@code relaxed_correctness}, used unchanged by lmms-eval's chartqa task): when both prediction and target read as
 * numbers — a trailing {@code %} divides by 100 — the prediction is right within 5% of the target, relative; a target
 * of 0 falls through to text comparison, as in the reference (its {@code if target_float} is false for 0.0);
 * otherwise the two must be equal ignoring case. No other normalisation: "1,000" does not read as a number.
 */
public final class RelaxedAccuracy {
    public static final double MAX_RELATIVE_CHANGE = 0.05;

    private RelaxedAccuracy() {}

    public static boolean correct(String target, String prediction) {
        Double p = toFloat(prediction), t = toFloat(target);
        if (p != null && t != null && t != 0.0) return Math.abs(p - t) / Math.abs(t) <= MAX_RELATIVE_CHANGE;
        return prediction.toLowerCase(Locale.ROOT).equals(target.toLowerCase(Locale.ROOT));
    }

    /** 1.0 when the prediction is right against any of the targets, else 0.0. */
    public static double score(List<String> targets, String prediction) {
        for (String t : targets) if (correct(t, prediction)) return 1.0;
        return 0.0;
    }

    /** Python's {@code float(text)} on what it accepts here: decimal and exponent notation, surrounding spaces. */
    static Double toFloat(String text) {
        String s = text.strip();
        boolean percent = s.endsWith("%");
        if (percent) s = s.substring(0, s.length() - 1);
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) return null;
        double v = Double.parseDouble(s);
        return percent ? v / 100.0 : v;
    }
}
