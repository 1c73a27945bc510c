package dev.arbiter.eval.scorer;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the option letter a model chose in free text. Cues are tried from the most to the least explicit; within
 * a cue the last statement wins, since models restate and correct themselves ("A? No — the answer is C").
 * <ol>
 *   <li>the whole reply is a letter, however decorated: {@code B}, {@code (b)}, {@code **B.**};</li>
 *   <li>a stated answer: {@code Answer: B}, {@code The correct answer is (B)}, {@code **Answer:** B}, {@code \boxed{B}};</li>
 *   <li>a marked letter: {@code **B**}, {@code **B. Paris**}, {@code (B)}, {@code [B]};</li>
 *   <li>a line that starts with the letter: {@code B. Paris}, {@code C) 12} — only when all such lines agree, since
 *       a reply that lists the options is not a choice;</li>
 *   <li>a letter right after a colon, {@code "I pick: B"} (lm-eval's bare-letter fallback; first match);</li>
 *   <li>the reply, normalised, equals one option's text.</li>
 * </ol>
 * Only upper-case letters count after a cue, so the article in "the answer is a trick" is not read as A, and
 * letters beyond the number of options are ignored.
 */
public final class ChoiceExtractor {
    private static final Pattern WHOLE = Pattern.compile("^[\\s*_(\\[\"'`]*([A-Za-z])[\\s*_)\\].:\"'`]*$");
    private static final Pattern STATED = Pattern.compile(
            "(?i:\\banswer\\b|\\bcorrect\\s+(?:option|choice|letter)\\b)[*_\\s]*"
                    + "(?i:is|was|would\\s+be|should\\s+be)?[*_\\s]*[:：=-]?[*_\\s]*(?i:option|choice|letter)?[\\s*_(\\[\"'$]*"
                    + "([A-Z])(?![A-Za-z0-9])");
    private static final Pattern BOXED = Pattern.compile("\\\\boxed\\{\\s*(?:\\\\text\\{)?\\s*\\(?([A-Z])\\)?\\s*}?}");
    private static final Pattern MARKED = Pattern.compile(
            "\\*\\*\\s*\\(?([A-Z])\\)?[.:)]?(?=\\*\\*|\\s)|(?<![A-Za-z0-9])[(\\[]([A-Z])[)\\]]");
    /** lm-eval's bare-letter fallback {@code :[\s]*(A|B|…)}, here only before a non-letter (": Because" is no B). */
    private static final Pattern AFTER_COLON = Pattern.compile(":\\s*([A-Z])(?![A-Za-z0-9])");
    private static final Pattern LINE_START = Pattern.compile("(?m)^[\\s>*_-]*\\(?([A-Z])[.):](?:\\s|$)");

    private ChoiceExtractor() {}

    /**
     * The chosen option's 0-based index, or empty when no cue names one of the first {@code options} letters.
     *
     * @param options     number of options (1..26)
     * @param optionTexts the options' texts for the last-resort comparison (may be empty)
     */
    public static OptionalInt extract(String text, int options, java.util.List<String> optionTexts) {
        if (options < 1 || options > ChoiceLetters.MAX) throw new IllegalArgumentException("options must be 1..26, got " + options);
        if (text == null || text.isBlank()) return OptionalInt.empty();
        Matcher whole = WHOLE.matcher(text);
        if (whole.matches()) return valid(ChoiceLetters.index(whole.group(1)), options);
        OptionalInt stated = lastOf(options, text, STATED, BOXED);
        if (stated.isPresent()) return stated;
        OptionalInt marked = lastOf(options, text, MARKED);
        if (marked.isPresent()) return marked;
        OptionalInt line = agreed(LINE_START.matcher(text), options);
        if (line.isPresent()) return line;
        Matcher colon = AFTER_COLON.matcher(text);
        while (colon.find()) { // first valid letter, as lm-eval's MultiChoiceRegexFilter takes its first match
            int i = ChoiceLetters.index(colon.group(1));
            if (i >= 0 && i < options) return OptionalInt.of(i);
        }
        String reply = TextNormalizer.SQUAD.apply(text);
        for (int i = 0; i < optionTexts.size() && i < options; i++) {
            if (!reply.isEmpty() && TextNormalizer.SQUAD.apply(optionTexts.get(i)).equals(reply)) return OptionalInt.of(i);
        }
        return OptionalInt.empty();
    }

    /** The valid letter that occurs last in the text across all {@code patterns}. */
    private static OptionalInt lastOf(int options, String text, Pattern... patterns) {
        int bestPos = -1;
        int best = -1;
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                int i = ChoiceLetters.index(firstGroup(m));
                if (i >= 0 && i < options && m.start() >= bestPos) {
                    bestPos = m.start();
                    best = i;
                }
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }

    private static OptionalInt agreed(Matcher m, int options) {
        int found = -1;
        while (m.find()) {
            int i = ChoiceLetters.index(m.group(1));
            if (i < 0 || i >= options) continue;
            if (found >= 0 && found != i) return OptionalInt.empty();
            found = i;
        }
        return found < 0 ? OptionalInt.empty() : OptionalInt.of(found);
    }

    private static String firstGroup(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) return m.group(g);
        return null;
    }

    private static OptionalInt valid(int i, int options) {
        return i >= 0 && i < options ? OptionalInt.of(i) : OptionalInt.empty();
    }
}
