package dev.arbiter.eval.task.mmlu;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The option letter a free-text answer chose, tried in order of how deliberate the form is:
 * <ol>
 *   <li>an explicit statement, last one wins: "Answer: C", "the answer is (C)", "Réponse : C", "**Answer:** C";</li>
 *   <li>{@code \boxed{C}};</li>
 *   <li>the reply starts with the letter: "C", "C.", "(C)", "C) Paris", "C: …";</li>
 *   <li>the reply is exactly one option's text (case and final period ignored).</li>
 * </ol>
 * Letters beyond the number of options are ignored. Null when nothing matches: a bare "A" inside prose is too often
 * the article to be trusted.
 */
public final class LetterExtractor {
    private static final Pattern STATED = Pattern.compile(
            "(?iu)(?:answer|réponse|respuesta|antwort|risposta|resposta)\\s*(?:is|est|es|ist|è|é)?\\s*(?:\\*\\*)?\\s*[:：]?\\s*(?:\\*\\*)?\\s*"
                    + "(?:option\\s+)?[(\\[]?((?-i:[A-Z]))[)\\]]?(?![\\p{L}\\p{N}])");
    private static final Pattern BOXED = Pattern.compile("\\\\boxed\\{\\s*(?:\\\\text\\{)?([A-Z])\\}?\\s*}");
    private static final Pattern LEADING = Pattern.compile("^\\s*(?:\\*\\*)?[(\\[]?([A-Z])(?:[).:\\]]|\\*\\*|\\s*$|\\s)");

    private LetterExtractor() {}

    public static String extract(String text, List<String> choices) {
        if (text == null) return null;
        int n = choices.size();
        String last = null;
        Matcher m = STATED.matcher(text);
        while (m.find()) {
            if (valid(m.group(1), n)) last = m.group(1);
        }
        if (last != null) return last;
        Matcher b = BOXED.matcher(text);
        while (b.find()) {
            if (valid(b.group(1), n)) last = b.group(1);
        }
        if (last != null) return last;
        Matcher l = LEADING.matcher(text);
        if (l.find() && valid(l.group(1), n) && !startsWithArticle(text, l.group(1))) return l.group(1);
        String bare = strip(text);
        for (int i = 0; i < n; i++) {
            if (strip(choices.get(i)).equals(bare)) return String.valueOf((char) ('A' + i));
        }
        return null;
    }

    /** "A cat is…" is prose, not option A: the letter "A" followed by a space and a lower-case word. */
    private static boolean startsWithArticle(String text, String letter) {
        if (!letter.equals("A") && !letter.equals("I")) return false;
        return text.strip().matches("(?s)[AI]\\s+\\p{Ll}.*");
    }

    private static boolean valid(String letter, int n) {
        return letter.charAt(0) - 'A' < n;
    }

    private static String strip(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        while (t.endsWith(".")) t = t.substring(0, t.length() - 1);
        return t;
    }
}
