package dev.arbiter.eval.scorer;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a verdict from a judge's reply. The LAST verdict counts: judges often restate the format or quote a
 * sample verdict before giving their own.
 */
final class Verdicts {
    static final Pattern GRADE = Pattern.compile("(?i)GRADE\\s*:\\s*[*_`\"']*\\s*([CPI])(?![A-Za-z])");
    static final Pattern RATING = Pattern.compile("\\[\\[\\s*(\\d+(?:\\.\\d+)?)\\s*]]");

    private Verdicts() {}

    /** C, P or I (upper case) from the last {@code GRADE: x}. */
    static Optional<String> grade(String judgeReply) {
        Matcher m = GRADE.matcher(judgeReply);
        String last = null;
        while (m.find()) last = m.group(1).toUpperCase(java.util.Locale.ROOT);
        return Optional.ofNullable(last);
    }

    /** The last {@code [[N]]}, when it lies in 1..10. */
    static Optional<Double> rating(String judgeReply) {
        Matcher m = RATING.matcher(judgeReply);
        String last = null;
        while (m.find()) last = m.group(1);
        if (last == null) return Optional.empty();
        double v = Double.parseDouble(last);
        return v >= 1 && v <= 10 ? Optional.of(v) : Optional.empty();
    }
}
