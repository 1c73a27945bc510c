package dev.arbiter.eval.harness.inspect;

import dev.arbiter.eval.scorer.PythonText;
import dev.arbiter.eval.scorer.TextNormalizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Inspect's {@code match_str} ({@code inspect_ai/scorer/_common.py}, UKGovernmentBEIS/inspect_ai 499e6152), the rule
 * behind its {@code match} scorer: strip (Python's whitespace, no-break spaces included), case-fold, then either (numeric target with {@code numeric}) compare the
 * number at the {@code location} — the last number for "end", the first for "begin", any for "any", the whole value
 * for "exact" — after {@link InspectNumber#normalize}, or compare text with whitespace and ASCII punctuation stripped
 * from both ends (starts with, ends with, equals, contains).
 */
public final class InspectMatch {
    /** Where the target must be found. */
    public enum Location { BEGIN, END, ANY, EXACT;
        public static Location parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new dev.arbiter.error.InvalidInputException("scorer match: location must be begin, end, any or exact, got '" + s + "'");
            }
        }
    }

    /** @param answer what Inspect reports as the answer; @param matched whether it matched the target */
    public record Result(String answer, boolean matched) {}

    private static final String PY_WHITESPACE = " \t\n\r\u000b\u000c";
    private static final String PY_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final Pattern ESCAPED = Pattern.compile("\\\\([$,£€*_])");
    private static final Pattern MONEY_AND_MARKS = Pattern.compile("[$,£€*_]");
    private static final Pattern DOT_NOT_DECIMAL = Pattern.compile("\\.(?=\\s|$|\\D)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WS = Pattern.compile(PythonText.SPACE_CLASS + "+", Pattern.UNICODE_CHARACTER_CLASS);

    private InspectMatch() {}

    public static Result match(String value, String target, Location location, boolean ignoreCase, boolean ignorePunctuation,
                               boolean numeric) {
        String v = PythonText.strip(value);
        String t = PythonText.strip(target);
        String answer = v;
        if (ignoreCase) {
            v = TextNormalizer.caseFold(v);
            t = TextNormalizer.caseFold(t);
        }
        if (numeric) t = stripNumericPunctuation(t);
        if (numeric && InspectNumber.isNumber(t)) {
            v = stripNumericPunctuation(v);
            t = InspectNumber.normalize(t);
            List<String> words = new ArrayList<>(List.of(WS.split(v, -1)));
            switch (location) {
                case BEGIN -> v = firstNumber(words);
                case END -> {
                    Collections.reverse(words);
                    v = firstNumber(words);
                }
                case EXACT -> v = InspectNumber.normalize(v);
                case ANY -> {
                    for (String w : words) {
                        if (InspectNumber.isNumber(w) && InspectNumber.normalize(w).equals(t)) return new Result(InspectNumber.normalize(w), true);
                    }
                    return new Result(answer, false);
                }
            }
            return new Result(v, v.equals(t));
        } else if (ignorePunctuation) {
            v = strip(v, PY_WHITESPACE + PY_PUNCTUATION);
            t = strip(t, PY_WHITESPACE + PY_PUNCTUATION);
        }
        boolean ok = switch (location) {
            case BEGIN -> v.startsWith(t);
            case END -> v.endsWith(t);
            case EXACT -> v.equals(t);
            case ANY -> v.contains(t);
        };
        return new Result(answer, ok);
    }

    /** Inspect's scorer loop: the first target that matches wins; otherwise the last target's answer, not matched. */
    public static Result matchAny(String value, List<String> targets, Location location, boolean ignoreCase, boolean numeric) {
        Result last = new Result(null, false);
        for (String t : targets) {
            last = match(value, t, location, ignoreCase, true, numeric);
            if (last.matched()) return last;
        }
        return last;
    }

    private static String firstNumber(List<String> words) {
        for (String w : words) if (InspectNumber.isNumber(w)) return InspectNumber.normalize(w);
        return "";
    }

    /** {@code strip_numeric_punctuation}: unescape \$ etc., drop currency, commas, * and _, and dots that end a number. */
    static String stripNumericPunctuation(String s) {
        String t = ESCAPED.matcher(s).replaceAll("$1");
        t = MONEY_AND_MARKS.matcher(t).replaceAll("");
        return DOT_NOT_DECIMAL.matcher(t).replaceAll("");
    }

    /** Python's {@code s.strip(chars)}. */
    static String strip(String s, String chars) {
        int a = 0;
        int b = s.length();
        while (a < b && chars.indexOf(s.charAt(a)) >= 0) a++;
        while (b > a && chars.indexOf(s.charAt(b - 1)) >= 0) b--;
        return s.substring(a, b);
    }
}
