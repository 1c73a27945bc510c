package dev.arbiter.eval.task.gsm8k;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finding and normalising a numeric final answer in model text.
 *
 * <p>Strict forms follow lm-eval's strict-match: {@code The answer is N} and {@code #### N}. When several appear the
 * last one wins (a model that corrects itself ends with its final answer; lm-eval takes the first). The flexible
 * answer is the strict one, else the last {@code \boxed{N}}, else the last number in the text; the last case is a
 * <em>fallback</em> and is flagged so a report can say how often the format was not followed.
 */
public final class NumberAnswer {
    /** How the answer was found. */
    public enum Source { ANSWER_IS, HASHES, BOXED, LAST_NUMBER, NONE }

    /** An extracted answer: {@code value} is normalised, or null when {@code source} is NONE. */
    public record Extraction(String value, Source source) {
        public boolean fallback() { return source == Source.LAST_NUMBER; }
        public boolean strict() { return source == Source.ANSWER_IS || source == Source.HASHES; }
    }

    private static final String NUM = "-?\\$?\\s?-?\\d[\\d,]*(?:\\.\\d+)?|-?\\$?\\.\\d+";
    private static final Pattern ANSWER_IS = Pattern.compile("(?i)the (?:final )?answer is[:\\s]*\\**\\s*(" + NUM + ")");
    private static final Pattern HASHES = Pattern.compile("####\\s*(" + NUM + ")");
    private static final Pattern BOXED = Pattern.compile("\\\\boxed\\{([^{}]*)}");
    private static final Pattern NUMBER = Pattern.compile(NUM);

    private NumberAnswer() {}

    /** The strict answer, or an extraction with source NONE. */
    public static Extraction strict(String text) {
        int[] posAnswerIs = {-1};
        int[] posHashes = {-1};
        String answerIs = last(ANSWER_IS, text, posAnswerIs);
        String hashes = last(HASHES, text, posHashes);
        if (answerIs == null && hashes == null) return new Extraction(null, Source.NONE);
        if (hashes == null || (answerIs != null && posAnswerIs[0] > posHashes[0])) return new Extraction(answerIs, Source.ANSWER_IS);
        return new Extraction(hashes, Source.HASHES);
    }

    /** The last match of {@code p} whose group 1 is a number, normalised; its start goes to {@code pos[0]}. */
    private static String last(Pattern p, String text, int[] pos) {
        String found = null;
        Matcher m = p.matcher(text);
        while (m.find()) {
            String v = normalise(m.group(1));
            if (v != null) {
                found = v;
                pos[0] = m.start();
            }
        }
        return found;
    }

    /** The strict answer, else the last boxed number, else the last number. */
    public static Extraction flexible(String text) {
        Extraction s = strict(text);
        if (s.source() != Source.NONE) return s;
        String boxed = null;
        Matcher b = BOXED.matcher(text);
        while (b.find()) {
            String v = normalise(b.group(1).replace("\\$", "").replace("\\%", "").replaceAll("\\\\text\\{[^}]*}", ""));
            if (v != null) boxed = v;
        }
        if (boxed != null) return new Extraction(boxed, Source.BOXED);
        String last = null;
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String v = normalise(m.group());
            if (v != null) last = v;
        }
        return last == null ? new Extraction(null, Source.NONE) : new Extraction(last, Source.LAST_NUMBER);
    }

    /**
     * Canonical form of a number: no $, %, commas, spaces or trailing period; no trailing zeros after the point
     * ({@code "1,000.00"} → {@code "1000"}, {@code "$18"} → {@code "18"}, {@code "-0.50"} → {@code "-0.5"}).
     * Null when the text is not a number.
     */
    public static String normalise(String raw) {
        if (raw == null) return null;
        String s = raw.strip().replace(",", "").replace("$", "").replace("%", "").replace(" ", "");
        while (s.endsWith(".")) s = s.substring(0, s.length() - 1);
        if (s.startsWith("-")) s = "-" + s.substring(1).replace("-", "");
        if (s.isEmpty() || s.equals("-")) return null;
        try {
            BigDecimal d = new BigDecimal(s);
            if (d.signum() == 0) return "0";
            return d.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
