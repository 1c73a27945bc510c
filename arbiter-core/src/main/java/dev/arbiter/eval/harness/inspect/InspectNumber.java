package dev.arbiter.eval.harness.inspect;

import dev.arbiter.eval.scorer.PythonText;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Inspect's number handling for {@code match(numeric=True)} ({@code inspect_ai/scorer/_common.py} {@code _parse_number},
 * {@code normalize_number}, UKGovernmentBEIS/inspect_ai 499e6152): Python's {@code float()} syntax (any script's decimal
 * digits, underscores between digits), then a part of {@code _unicode.py}'s {@code unicode_number_to_float}: a leading
 * U+2212 minus, vulgar fractions alone or after an integer ("2½", "−½"), and Chinese numerals up to 万 without
 * decimals. Not covered (deliberately: 533 lines of Inspect for rare answers): superscript exponents ("3²"), Roman
 * numerals and other single-character numbers, Chinese decimals and financial forms, mixed group separators.
 */
public final class InspectNumber {
    private static final Pattern PY_FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d(?:_?\\d)*)?\\.\\d(?:_?\\d)*|\\d(?:_?\\d)*\\.?)(?:[eE][+-]?\\d(?:_?\\d)*)?", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Map<Character, Double> FRACTIONS = Map.ofEntries(
            Map.entry('½', 1 / 2.0), Map.entry('⅓', 1 / 3.0), Map.entry('⅔', 2 / 3.0), Map.entry('¼', 1 / 4.0), Map.entry('¾', 3 / 4.0),
            Map.entry('⅕', 1 / 5.0), Map.entry('⅖', 2 / 5.0), Map.entry('⅗', 3 / 5.0), Map.entry('⅘', 4 / 5.0), Map.entry('⅙', 1 / 6.0),
            Map.entry('⅚', 5 / 6.0), Map.entry('⅐', 1 / 7.0), Map.entry('⅛', 1 / 8.0), Map.entry('⅜', 3 / 8.0), Map.entry('⅝', 5 / 8.0),
            Map.entry('⅞', 7 / 8.0), Map.entry('⅑', 1 / 9.0), Map.entry('⅒', 1 / 10.0));
    private static final String CHINESE_DIGITS = "零一二三四五六七八九";

    private InspectNumber() {}

    /** The finite number {@code s} spells, or null. */
    public static Double parse(String s) {
        Double d = pythonFloat(s);
        if (d == null) d = unicode(s);
        return d != null && Double.isFinite(d) ? d : null;
    }

    public static boolean isNumber(String s) { return parse(s) != null; }

    /** Python's {@code float(s)} for finite values (inf and nan are not numbers here anyway). */
    static Double pythonFloat(String s) {
        String t = PythonText.strip(s);
        if (!PY_FLOAT.matcher(t).matches()) return null;
        StringBuilder ascii = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); ) {
            int c = t.codePointAt(i);  // by code point: Python reads the supplementary digits (U+1D7CE...) too
            i += Character.charCount(c);
            if (c == '_') continue;
            ascii.append(Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : (char) c);
        }
        try {
            return Double.parseDouble(ascii.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double unicode(String s) {
        String t = PythonText.strip(s);
        boolean negative = false;
        while (!t.isEmpty() && (t.charAt(0) == '-' || t.charAt(0) == '\u2212' || t.charAt(0) == '+')) {
            if (t.charAt(0) != '+') negative = !negative;
            t = PythonText.strip(t.substring(1));
        }
        if (t.isEmpty()) return null;
        Double v = pythonFloat(t);
        if (v != null) return negative ? -v : v;
        char last = t.charAt(t.length() - 1);
        if (FRACTIONS.containsKey(last)) {
            String whole = PythonText.strip(t.substring(0, t.length() - 1));
            Double w = whole.isEmpty() ? Double.valueOf(0) : pythonFloat(whole);
            if (w == null) w = chinese(whole);
            if (w != null) v = w + FRACTIONS.get(last);
        } else {
            v = chinese(t);
        }
        return v == null ? null : negative ? -v : v;
    }

    /** 三 → 3, 十二 → 12, 二十 → 20, 三百零五 → 305, 两千 → 2000; null if not a plain Chinese integer. */
    static Double chinese(String s) {
        if (s.isEmpty()) return null;
        long total = 0;
        long section = 0;
        long digit = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = CHINESE_DIGITS.indexOf(c);
            if (c == '〇' || c == '○') d = 0;
            if (c == '两' || c == '兩') d = 2;
            if (d >= 0) {
                digit = d;
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                case '万', '萬' -> 10000;
                default -> -1;
            };
            if (unit < 0) return null;
            if (unit == 10000) {
                section += Math.max(digit, 0);
                total += (section == 0 ? 1 : section) * unit;
                section = 0;
            } else {
                section += (digit < 0 ? 1 : digit) * unit;
            }
            digit = -1;
        }
        return (double) (total + section + Math.max(digit, 0));
    }

    /**
     * Python's {@code format(num, ".5g")}: five significant digits of the double's exact value, rounded half to even;
     * trailing zeros dropped; scientific ({@code 1.2346e+05}) when the exponent is below -4 or at least 5. A string
     * that is not a number comes back unchanged.
     */
    public static String normalize(String number) {
        Double v = parse(number);
        return v == null ? number : format5g(v);
    }

    static String format5g(double v) {
        if (v == 0) return (1 / v < 0) ? "-0" : "0";
        BigDecimal r = new BigDecimal(v).round(new MathContext(5, RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        if (exp >= -4 && exp < 5) {
            String plain = r.setScale(Math.max(r.scale(), 0), RoundingMode.UNNECESSARY).toPlainString();
            return stripZeros(plain);
        }
        BigDecimal mantissa = r.movePointLeft(exp);
        String m = stripZeros(mantissa.toPlainString());
        return m + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) return s;
        String t = s.replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
