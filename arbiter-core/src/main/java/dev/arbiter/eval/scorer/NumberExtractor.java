package dev.arbiter.eval.scorer;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds numbers in free text and normalises them: thousands commas, a currency sign, a trailing {@code .0}, a
 * percent sign and Unicode minus all disappear ({@code "-$1,234.50"} → -1234.5). A hyphen glued to a word
 * ({@code GPT-4}) is not a minus sign. Fractions and spelled-out numbers are not recognised.
 */
public final class NumberExtractor {
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.])(?<sign>[-\u2212])?\\s?[$€£¥]?\\s?"
                    + "(?<digits>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+)"
                    + "(?<exp>[eE][-+]?\\d+)?(?!\\d)");
    // A minus sign directly after a word character is a hyphen ("GPT-4", "3-5"): the lookbehind above sees the sign.
    private static final Pattern AFTER_WORD_HYPHEN = Pattern.compile("(?<=[\\w.])[-\u2212](?=\\s?[$€£¥]?\\s?[\\d.])");

    private NumberExtractor() {}

    /** The last number in {@code text}, or empty when there is none. */
    public static Optional<BigDecimal> last(String text) {
        if (text == null) return Optional.empty();
        Matcher m = NUMBER.matcher(AFTER_WORD_HYPHEN.matcher(text).replaceAll(" "));
        BigDecimal found = null;
        while (m.find()) found = toNumber(m);
        return Optional.ofNullable(found);
    }

    /** {@code text} read as exactly one number (surrounding spaces allowed), or empty. */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip();
        if (t.endsWith("%")) t = t.substring(0, t.length() - 1).strip();
        Matcher m = NUMBER.matcher(t);
        if (!m.matches()) return Optional.empty();
        return Optional.of(toNumber(m));
    }

    /** Plain decimal without trailing zeros: 1234.50 → "1234.5", 3.0 → "3". */
    public static String format(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        return s.signum() == 0 ? "0" : s.toPlainString();
    }

    private static BigDecimal toNumber(Matcher m) {
        String digits = m.group("digits").replace(",", "");
        String exp = m.group("exp") == null ? "" : m.group("exp");
        BigDecimal n = new BigDecimal(digits + exp);
        return m.group("sign") != null ? n.negate() : n;
    }
}
