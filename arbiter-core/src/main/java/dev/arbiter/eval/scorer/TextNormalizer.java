package dev.arbiter.eval.scorer;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * SQuAD-style answer normalisation, each step switchable: case-fold, drop punctuation, drop the articles
 * a/an/the, collapse whitespace. The steps run in SQuAD's order (case, punctuation, articles, whitespace).
 */
public record TextNormalizer(boolean ignoreCase, boolean ignoreWhitespace, boolean ignorePunctuation, boolean ignoreArticles) {
    /** Every step on: SQuAD's exact match. */
    public static final TextNormalizer SQUAD = new TextNormalizer(true, true, true, true);
    /** Case and whitespace only. */
    public static final TextNormalizer LENIENT = new TextNormalizer(true, true, false, false);
    public static final TextNormalizer NONE = new TextNormalizer(false, false, false, false);

    static final Set<String> OPTIONS = Set.of("ignore_case", "ignore_whitespace", "ignore_punctuation", "ignore_articles");

    // Unicode punctuation and symbols (SQuAD drops ASCII string.punctuation, which includes $ + < = > ^ ` | ~).
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]");
    private static final Pattern ARTICLES = Pattern.compile("(?iU)\\b(a|an|the)\\b");
    private static final Pattern SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    /**
     * What the three patterns above say of each ASCII character, asked of the patterns themselves once, so the ASCII
     * fast path of {@link #apply} agrees with them by construction (bit 1: punctuation or symbol, 2: whitespace,
     * 4: word character for {@code \\b}).
     */
    private static final byte[] ASCII = new byte[128];

    static {
        Pattern wordStart = Pattern.compile("(?U)\\b");
        for (char c = 0; c < 128; c++) {
            String one = String.valueOf(c);
            ASCII[c] = (byte) ((PUNCTUATION.matcher(one).matches() ? 1 : 0) | (SPACE.matcher(one).matches() ? 2 : 0)
                    | (wordStart.matcher(one).lookingAt() ? 4 : 0));
        }
    }

    /** Defaults overridden by the {@code ignore_*} options. */
    public static TextNormalizer from(ScorerOptions o, TextNormalizer defaults) {
        return new TextNormalizer(o.bool("ignore_case", defaults.ignoreCase), o.bool("ignore_whitespace", defaults.ignoreWhitespace),
                o.bool("ignore_punctuation", defaults.ignorePunctuation), o.bool("ignore_articles", defaults.ignoreArticles));
    }

    /**
     * Case folding as Python's {@code str.casefold} (which Inspect's {@code includes} and {@code match} use), not mere
     * lower-casing: "ß" and "ẞ" are "ss", "ﬁ" is "fi", while dotless "ı" stays "ı" ({@link PythonText#caseFold}).
     */
    public static String caseFold(String s) {
        return PythonText.caseFold(s);
    }

    public String apply(String s) {
        String t = s == null ? "" : s;
        if (isAscii(t)) return applyAscii(t);
        if (ignoreCase) t = caseFold(t);
        if (ignorePunctuation) t = PUNCTUATION.matcher(t).replaceAll("");
        if (ignoreArticles) t = ARTICLES.matcher(t).replaceAll(" ");
        if (ignoreWhitespace) t = SPACE.matcher(t).replaceAll(" ").strip();
        return t;
    }

    private static boolean isAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 128) return false;
        }
        return true;
    }

    /**
     * {@link #apply} for ASCII text without the regex engine (scoring ran each answer through three {@code replaceAll}s,
     * 13% of an eval worker's CPU): same steps, same order, same result ({@code TextNormalizerTest} checks it against
     * the patterns). An article is a maximal run of word characters equal to a, an or the: exactly what
     * {@code \b(a|an|the)\b} matches.
     */
    private String applyAscii(String s) {
        int n = s.length();
        char[] a = new char[n];
        int len = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (ignorePunctuation && (ASCII[c] & 1) != 0) continue;
            a[len++] = ignoreCase && c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        if (ignoreArticles) len = dropArticles(a, len);
        if (ignoreWhitespace) {
            int out = 0;
            boolean inSpace = false;
            for (int i = 0; i < len; i++) {
                char c = a[i];
                if ((ASCII[c] & 2) != 0) {
                    if (!inSpace) a[out++] = ' ';
                    inSpace = true;
                } else {
                    a[out++] = c;
                    inSpace = false;
                }
            }
            return new String(a, 0, out).strip();
        }
        return new String(a, 0, len);
    }

    /** Replaces each word a, an or the (any case) in {@code a[0, len)} with one space; the new length. */
    private static int dropArticles(char[] a, int len) {
        int out = 0;
        int i = 0;
        while (i < len) {
            if ((ASCII[a[i]] & 4) == 0) {
                a[out++] = a[i++];
                continue;
            }
            int end = i;
            while (end < len && (ASCII[a[end]] & 4) != 0) end++;
            if (isArticle(a, i, end - i)) {
                a[out++] = ' ';
            } else {
                System.arraycopy(a, i, a, out, end - i);
                out += end - i;
            }
            i = end;
        }
        return out;
    }

    private static boolean isArticle(char[] a, int from, int n) {
        char c0 = (char) (a[from] | 32);
        if (n == 1) return c0 == 'a';
        if (n == 2) return c0 == 'a' && (a[from + 1] | 32) == 'n';
        return n == 3 && c0 == 't' && (a[from + 1] | 32) == 'h' && (a[from + 2] | 32) == 'e';
    }
}
