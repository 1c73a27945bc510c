package dev.arbiter.eval.task.gsm8k;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finding and normalising a numeric final answer in model text.
 *
 * <p>Strict forms follow lm-eval's strict-match: {@code The answer is N} and {@code #### N}. When several appear the
 * last one wins (a model that corrects itself ends with its final answer; lm-eval takes the first). After a cue, an
 * arithmetic chain ending in {@code = N} gives N ("The answer is 3 + 15 = 18." is 18). The flexible answer is the last
 * of the strict answer and the last {@code \boxed{N}}, else the last number in the text; the last case is a
 * <em>fallback</em> and is flagged so a report can say how often the format was not followed. LaTeX thousands
 * separators ({@code 1{,}000}, {@code 1,\!000}, {@code 1\,000}) are read as separators everywhere.
 */
public final class NumberAnswer {
    /** How the answer was found. */
    public enum Source { ANSWER_IS, HASHES, BOXED, LAST_NUMBER, NONE }

    /** An extracted answer: {@code value} is normalised, or null when {@code source} is NONE. */
    public record Extraction(String value, Source source) {
        public boolean fallback() { return source == Source.LAST_NUMBER; }
        public boolean strict() { return source == Source.ANSWER_IS || source == Source.HASHES; }
    }

    /** An answer and where its match starts, so a later form can win over an earlier one. */
    private record Found(String value, Source source, int start) {
        Extraction extraction() { return new Extraction(value, source); }
    }

    private static final String NUM = "(?:-?\\$?\\s?-?\\d[\\d,]*(?:\\.\\d+)?|-?\\$?\\.\\d+)";
    private static final Pattern ANSWER_IS = Pattern.compile("(?i)the (?:final )?answer is[:\\s]*\\**\\s*(" + NUM + ")");
    private static final Pattern HASHES = Pattern.compile("####\\s*(" + NUM + ")");
    /** An arithmetic operator; "x" only between spaces, as the gsm8k-cot exemplars write "5 x 3 = 15". */
    private static final String OP = "(?:\\s*(?:[-+*/×÷−]|\\\\times|\\\\cdot|\\\\div)\\s*|\\s+x\\s+)";
    private static final String EXPR = NUM + "(?:" + OP + NUM + ")*";
    /**
     * What may follow a cue's first number: more terms, then "= expression" steps, ending "= N" where the chain ends
     * (N is taken whole, so "= 18 + 2" is not read as "= 1").
     */
    private static final Pattern CHAIN = Pattern.compile("(?:" + OP + NUM + ")*(?:\\s*=\\s*" + EXPR + ")*\\s*=\\s*((?>" + NUM + "))(?!" + OP + "\\d)");
    private static final Pattern BOXED_START = Pattern.compile("\\\\boxed\\s*\\{");
    private static final Pattern NUMBER = Pattern.compile(NUM);
    /** A LaTeX thin space, negative thin space or braced comma between a digit and a group of three digits. */
    private static final Pattern LATEX_SEPARATOR = Pattern.compile("(?<=\\d)(?:\\{,\\}|,\\\\!|,\\\\,|\\\\,|\\{\\\\,\\})(?=\\d{3}(?!\\d))");

    private NumberAnswer() {}

    /** The strict answer, or an extraction with source NONE. */
    public static Extraction strict(String text) {
        Found f = strictFound(readable(text));
        return f == null ? new Extraction(null, Source.NONE) : f.extraction();
    }

    private static Found strictFound(String text) {
        Found answerIs = last(ANSWER_IS, text, Source.ANSWER_IS);
        Found hashes = last(HASHES, text, Source.HASHES);
        return later(answerIs, hashes);
    }

    private static Found later(Found a, Found b) {
        if (a == null) return b;
        if (b == null) return a;
        return b.start() > a.start() ? b : a;
    }

    /** The last match of the cue {@code p} whose answer is a number, normalised (a chain's result when one follows). */
    private static Found last(Pattern p, String text, Source source) {
        Found found = null;
        Matcher m = p.matcher(text);
        while (m.find()) {
            String raw = m.group(1);
            Matcher chain = CHAIN.matcher(text).region(m.end(), text.length());
            if (chain.lookingAt()) raw = chain.group(1);
            String v = normalise(raw);
            if (v != null) found = new Found(v, source, m.start());
        }
        return found;
    }

    /** The strict answer or a later boxed number, else the last boxed number, else the last number. */
    public static Extraction flexible(String text) {
        String t = readable(text);
        Found cue = strictFound(t);
        Found boxed = lastBoxed(t);
        // a model that states an answer and then boxes its final one ends with the box
        Found chosen = boxed != null && (cue == null || boxed.start() > cue.start()) ? boxed : cue;
        if (chosen != null) return chosen.extraction();
        String last = null;
        Matcher m = NUMBER.matcher(t);
        while (m.find()) {
            String v = normalise(m.group());
            if (v != null) last = v;
        }
        return last == null ? new Extraction(null, Source.NONE) : new Extraction(last, Source.LAST_NUMBER);
    }

    /**
     * The last {@code \boxed{…}} (braces balanced, so {@code \text{…}} inside is allowed) that holds a number; boxes
     * after one left unclosed are not read (the rest of the text is inside it). Linear in the text: each box's closing
     * brace comes from one pass over it, and the boxes are tried from the last, a box too long to hold a number
     * unread — model text is untrusted, and 20,000 nested boxes, each re-scanned and copied, took seconds.
     */
    private static Found lastBoxed(String text) {
        List<int[]> boxes = new ArrayList<>();  // {start, inner start, inner end}
        int[] close = closingBraces(text);
        Matcher b = BOXED_START.matcher(text);
        while (b.find()) {
            int end = close[b.end() - 1];
            if (end < 0) break;
            boxes.add(new int[] {b.start(), b.end(), end});
        }
        for (int k = boxes.size() - 1; k >= 0; k--) {
            int[] box = boxes.get(k);
            if (box[2] - box[1] > MAX_BOXED_CHARS) continue;
            String inner = text.substring(box[1], box[2]).replace("\\$", "").replace("\\%", "")
                    .replaceAll("\\\\(?:text|mathrm|textbf)\\{[^{}]*}", "").replace("{", "").replace("}", "");
            String v = normalise(inner);
            if (v != null) return new Found(v, Source.BOXED, box[0]);
        }
        return null;
    }

    /** Longest box content read for a number: a number with its words and TeX dressing is far shorter. */
    private static final int MAX_BOXED_CHARS = 1_000;

    /** For each '{' the index of its matching '}', -1 when it is never closed; other indices unused. */
    private static int[] closingBraces(String text) {
        int[] close = new int[text.length()];
        int[] open = new int[text.length()];
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                close[i] = -1;
                open[depth++] = i;
            } else if (c == '}' && depth > 0) {
                close[open[--depth]] = i;
            }
        }
        return close;
    }

    /** The text with LaTeX thousands separators written as commas ("1{,}000" → "1,000"). */
    static String readable(String text) {
        return LATEX_SEPARATOR.matcher(text).replaceAll(",");
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
