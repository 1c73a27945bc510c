package dev.arbiter.eval.harness.inspect;

import dev.arbiter.eval.scorer.PythonText;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words Inspect's {@code exact} (and {@code f1}) compare: {@code _to_words} of
 * {@code inspect_ai/scorer/_classification.py}. The text is split at each space and hyphen ({@code re.split(" |-")});
 * each piece is case-folded; a piece that Python's {@code float()} reads is kept whole, any other loses its ASCII
 * punctuation; a piece that then reads as a number becomes that number ({@code str(float(x))}, so "3.10" and "3.1"
 * are one word, "05" and "0.5" two, and "1/2" is "12"); the articles a, an and the are dropped, and what is left is
 * split at whitespace. Answer and target match when their sets of words are equal, so word order and repeats do not
 * count.
 *
 * <p>A number's word here is Java's {@link Double#toString} where Python prints {@code repr}: both are one string per
 * double value and every such string reads back as a number, so two pieces give one word exactly when they do in
 * Inspect. Because the split is at every hyphen, a minus sign is a separator, as in Inspect: "-5" and "5" are the
 * same word.
 *
 * @param caseFold    fold case ({@code str.casefold}); Inspect always does
 * @param punctuation drop ASCII punctuation from pieces that are not numbers; Inspect always does
 * @param articles    drop a, an and the; Inspect always does
 */
public record InspectWords(boolean caseFold, boolean punctuation, boolean articles) {
    /** Inspect's own steps, all on. */
    public static final InspectWords INSPECT = new InspectWords(true, true, true);

    /** Python's {@code string.punctuation}. */
    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    /** {@code \b(a|an|the)\b} as Python reads it on a str (its own word characters). */
    private static final Pattern ARTICLE = Pattern.compile(PythonText.WORD_BOUNDARY + "(?:a|an|the)" + PythonText.WORD_BOUNDARY);
    /** The words {@code float()} also takes, in any case and with a sign. */
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    /** The set of words of {@code text}. */
    public Set<String> of(String text) {
        Set<String> words = new HashSet<>();
        String t = text == null ? "" : text;
        int start = 0;
        for (int i = 0, n = t.length(); i <= n; i++) {
            if (i == n || t.charAt(i) == ' ' || t.charAt(i) == '-') {
                if (i > start) piece(t.substring(start, i), words);
                start = i + 1;
            }
        }
        return words;
    }

    /** {@code _normalize_token} of one piece, its words added to {@code words}. */
    private void piece(String piece, Set<String> words) {
        String p = caseFold ? PythonText.caseFold(piece) : piece;
        String number = number(p);
        if (number == null && punctuation) {
            p = withoutPunctuation(p);
            number = number(p);
        }
        if (number != null) p = number;
        // every article holds an 'a' or an 'e': most pieces skip the regex
        if (articles && (p.indexOf('a') >= 0 || p.indexOf('e') >= 0)) p = ARTICLE.matcher(p).replaceAll(" ");
        int from = -1;
        for (int i = 0, n = p.length(); i <= n; i++) {
            boolean space = i == n || PythonText.isSpace(p.charAt(i));
            if (space && from >= 0) {
                words.add(p.substring(from, i));
                from = -1;
            } else if (!space && from < 0) {
                from = i;
            }
        }
    }

    /** One word per value for what Python's {@code float()} reads ("1e400" and "inf" alike), or null for anything else. */
    static String number(String s) {
        Double d = InspectNumber.pythonFloat(s);
        if (d == null) {
            String t = PythonText.strip(s);
            if (!SPECIAL.matcher(t).matches()) return null;
            d = t.toLowerCase(java.util.Locale.ROOT).endsWith("nan") ? Double.NaN
                    : t.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (d.isNaN()) return "nan";
        if (d.isInfinite()) return d > 0 ? "inf" : "-inf";
        return Double.toString(d);
    }

    private static String withoutPunctuation(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean drop = c < 128 && ASCII_PUNCTUATION.indexOf(c) >= 0;
            if (drop && out == null) out = new StringBuilder(s.length()).append(s, 0, i);
            else if (!drop && out != null) out.append(c);
        }
        return out == null ? s : out.toString();
    }
}
