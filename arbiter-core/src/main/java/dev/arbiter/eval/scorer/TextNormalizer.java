package dev.arbiter.eval.scorer;

import java.util.Locale;
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

    /** Defaults overridden by the {@code ignore_*} options. */
    public static TextNormalizer from(ScorerOptions o, TextNormalizer defaults) {
        return new TextNormalizer(o.bool("ignore_case", defaults.ignoreCase), o.bool("ignore_whitespace", defaults.ignoreWhitespace),
                o.bool("ignore_punctuation", defaults.ignorePunctuation), o.bool("ignore_articles", defaults.ignoreArticles));
    }

    /**
     * Case folding as Python's {@code str.casefold} (which Inspect's {@code includes} and {@code match} use), not mere
     * lower-casing: upper- then lower-casing maps "ß" to "ss", "ς" to "σ" and "ﬁ" to "fi" as full case folding does.
     */
    public static String caseFold(String s) {
        return s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    public String apply(String s) {
        String t = s == null ? "" : s;
        if (ignoreCase) t = caseFold(t);
        if (ignorePunctuation) t = PUNCTUATION.matcher(t).replaceAll("");
        if (ignoreArticles) t = ARTICLES.matcher(t).replaceAll(" ");
        if (ignoreWhitespace) t = SPACE.matcher(t).replaceAll(" ").strip();
        return t;
    }
}
