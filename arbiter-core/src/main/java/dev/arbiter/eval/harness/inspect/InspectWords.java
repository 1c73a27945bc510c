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
    static final Pattern ARTICLE = Pattern.compile(PythonText.WORD_BOUNDARY + "(?:a|an|the)" + PythonText.WORD_BOUNDARY);

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
        if (asciiLetters(piece)) letters(piece, words);
        else anyPiece(piece, words);
    }

    /**
     * {@link #anyPiece} of a piece of ASCII letters only, most words of an answer, in one pass and no regex: such a
     * piece is no number but "inf", "infinity" or "nan", has no punctuation or space to lose, and is an article only
     * if it is one (scoring a 16-word answer and its target took ~17 µs through the general steps; docs/performance.md,
     * ninth pass). {@code InspectWordsTest} holds it to {@link #anyPiece}.
     */
    void letters(String piece, Set<String> words) {
        String p = caseFold ? PythonText.caseFold(piece) : piece;  // ASCII: one lower-casing pass
        Double special = special(p);
        if (special != null) {
            words.add(special.isNaN() ? "nan" : "inf");  // no sign: letters only
            return;
        }
        if (articles && (p.equals("a") || p.equals("an") || p.equals("the"))) return;
        words.add(p);
    }

    static boolean asciiLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 'a' || c > 'z') && (c < 'A' || c > 'Z')) return false;
        }
        return !s.isEmpty();
    }

    /** {@code _normalize_token} of any piece, step by step as Inspect takes them. */
    void anyPiece(String piece, Set<String> words) {
        String p = caseFold ? PythonText.caseFold(piece) : piece;
        String number = number(p);
        if (number == null && punctuation) {
            p = withoutPunctuation(p);
            number = number(p);
        }
        if (number != null) p = number;
        if (articles) p = withoutArticles(p);
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

    /**
     * {@code re.sub(r"\b(a|an|the)\b", " ", p)}. A piece made only of word characters (most of them: the text was split
     * at spaces and hyphens and lost its punctuation) holds an article only if it is one, so the regex runs only on
     * the others: it was a third of the 16k eval's scoring, 11 µs a piece (docs/performance.md, ninth pass).
     * {@code InspectWordsTest} holds the two ways to the same result.
     */
    static String withoutArticles(String p) {
        if (p.indexOf('a') < 0 && p.indexOf('e') < 0) return p;  // every article holds an 'a' or an 'e'
        if (!allWordChars(p)) return ARTICLE.matcher(p).replaceAll(" ");
        return p.equals("a") || p.equals("an") || p.equals("the") ? " " : p;
    }

    /** Whether every code point is Python's {@code \w} ({@link PythonText#WORD_CLASS}: a letter, a number or "_"). */
    private static boolean allWordChars(String p) {
        for (int i = 0; i < p.length(); ) {
            int cp = p.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '_' || Character.isLetter(cp)) continue;
            int type = Character.getType(cp);
            if (type != Character.DECIMAL_DIGIT_NUMBER && type != Character.LETTER_NUMBER && type != Character.OTHER_NUMBER) return false;
        }
        return true;
    }

    /**
     * Whether {@code s} holds a decimal digit (of any script: Python's float syntax reads them all). A text without
     * one is a number to {@code float()} only as "inf", "infinity" or "nan" ({@link #special}), so it skips the float
     * regex.
     */
    static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isDigit(cp)) return true;
        }
        return false;
    }

    /** One word per value for what Python's {@code float()} reads ("1e400" and "inf" alike), or null for anything else. */
    static String number(String s) {
        Double d = hasDigit(s) ? InspectNumber.pythonFloat(s) : null;
        if (d == null) d = special(s);
        if (d == null) return null;
        if (d.isNaN()) return "nan";
        if (d.isInfinite()) return d > 0 ? "inf" : "-inf";
        return Double.toString(d);
    }

    /**
     * {@code float()} of "inf", "infinity" or "nan" with an optional sign, ASCII letters in any case, spaces around
     * (Python's {@code [+-]?(inf|infinity|nan)} in any ASCII case, without a regex: most words of an answer are tried); null for anything else. Not
     * {@link String#equalsIgnoreCase}, which also takes the dotless "ı" for "i" where Python does not.
     */
    static Double special(String s) {
        if (s.length() < 3 || s.length() > 9 && !PythonText.isSpace(s.charAt(0)) && !PythonText.isSpace(s.charAt(s.length() - 1))) {
            return null;  // "inf" to "-infinity", unless spaces pad it
        }
        String t = PythonText.strip(s);
        int from = !t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-') ? 1 : 0;
        String word = t.substring(from);
        if (asciiIgnoreCase(word, "nan")) return Double.NaN;
        if (asciiIgnoreCase(word, "inf") || asciiIgnoreCase(word, "infinity")) {
            return from == 1 && t.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return null;
    }

    private static boolean asciiIgnoreCase(String s, String lower) {
        if (s.length() != lower.length()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != lower.charAt(i)) return false;
        }
        return true;
    }

    /** Python's {@code string.punctuation} as a table over ASCII: one look-up a character, not a search of the string. */
    private static final boolean[] IS_PUNCTUATION = new boolean[128];

    static {
        for (char c : ASCII_PUNCTUATION.toCharArray()) IS_PUNCTUATION[c] = true;
    }

    private static String withoutPunctuation(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean drop = c < 128 && IS_PUNCTUATION[c];
            if (drop && out == null) out = new StringBuilder(s.length()).append(s, 0, i);
            else if (!drop && out != null) out.append(c);
        }
        return out == null ? s : out.toString();
    }
}
