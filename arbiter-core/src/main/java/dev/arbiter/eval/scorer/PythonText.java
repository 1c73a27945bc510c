package dev.arbiter.eval.scorer;

import java.util.Locale;

/**
 * Python's {@code str} rules where Java's namesakes differ, for graders that reproduce a Python reference (Inspect,
 * IFEval, simple-evals). Checked code point by code point against CPython 3.11: {@link #isSpace} and
 * {@link #SPACE_CLASS} agree everywhere; {@link #caseFold} and {@link #WORD_CLASS} agree on every code point Java 17's
 * Unicode 13 knows (Unicode 14's 40 new cased letters fold to themselves here).
 */
public final class PythonText {
    /** Python's {@code \s} in a str pattern (the code points {@link #isSpace} accepts), as a Java character class. */
    public static final String SPACE_CLASS = "[\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
    /**
     * Python's {@code \w} in a str pattern: letters, numbers (², ½ and Ⅻ too) and "_", but not the combining marks
     * Java's Unicode {@code \w} takes, so "हिन्दी" is three words to Python.
     */
    public static final String WORD_CLASS = "[\\p{L}\\p{N}_]";
    /** Python's {@code \b}: a boundary between a {@link #WORD_CLASS} character and anything else (or either end). */
    public static final String WORD_BOUNDARY = "(?:(?<=" + WORD_CLASS + ")(?!" + WORD_CLASS + ")|(?<!" + WORD_CLASS + ")(?=" + WORD_CLASS + "))";

    private PythonText() {}

    /**
     * {@code str.isspace()} of one code point: Java's {@link Character#isWhitespace} leaves out the no-break spaces
     * (U+00A0, U+2007, U+202F) and NEL (U+0085), which Python strips.
     */
    public static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || cp == 0x85 || cp == 0xA0 || cp == 0x2007 || cp == 0x202F;
    }

    /** {@code str.strip()}: "Paris\u00a0" is "Paris" to Python; {@link String#strip} keeps the no-break space. */
    public static String strip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isSpace(s.charAt(a))) a++;
        while (b > a && isSpace(s.charAt(b - 1))) b--;
        return s.substring(a, b);
    }

    /**
     * {@code str.casefold()}: full case folding, code point by code point. Upper- then lower-casing each code point
     * gives it ("ß" → "ss", "ﬁ" → "fi", "ς" → "σ", and with no word context, so a final sigma folds too) except for
     * three cases: dotless "ı" stays "ı" (upper-casing made it "i"), capital "ẞ" is "ss" (not "ß"), and Cherokee folds
     * to its capitals (U+13F8–U+13FD and U+AB70–U+ABBF to U+13F0–U+13F5 and U+13A0–U+13EF).
     */
    public static String caseFold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) out.append(cp >= 'A' && cp <= 'Z' ? (char) (cp + 32) : (char) cp);
            else out.append(fold(cp));
        }
        return out.toString();
    }

    private static String fold(int cp) {
        if (cp == 0x131) return "\u0131";
        if (cp == 0x1E9E) return "ss";
        if (cp >= 0x13A0 && cp <= 0x13F5) return Character.toString(cp);
        if (cp >= 0x13F8 && cp <= 0x13FD) return Character.toString(cp - 8);
        if (cp >= 0xAB70 && cp <= 0xABBF) return Character.toString(cp - 0xAB70 + 0x13A0);
        return Character.toString(cp).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
