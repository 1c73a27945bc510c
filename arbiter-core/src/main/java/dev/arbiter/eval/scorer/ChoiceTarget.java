package dev.arbiter.eval.scorer;

import java.util.ArrayList;
import java.util.List;

/**
 * Which option a multiple-choice target names. A target may be read three ways: as the text of an option (as
 * lm-eval's tasks that give the answer's text), as a letter {@code A}, {@code B}, … (Inspect's {@code choice}), or as a
 * 0-based index {@code 0}, {@code 1}, … (lm-eval's integer {@code doc_to_target}, MMLU's JSON data). When the readings
 * that apply point to different options, as "3" among the choices 1, 2, 3, 4 (the text of C, the index of D) or "A"
 * among B, A, C (the text of B, the letter A), the target is ambiguous and names none: nothing guesses which was meant.
 *
 * <p>A text reading compares the target with each option's text, stripped; when no option equals it, SQuAD-normalised
 * (case, punctuation and articles ignored). An option text that several options share is ambiguous too.
 */
public final class ChoiceTarget {
    /** The option a target names: {@code index} ≥ 0, or -1 with {@code problem} saying why it names none. */
    public record Named(int index, String problem) {
        public boolean named() { return index >= 0; }
    }

    private ChoiceTarget() {}

    /**
     * @param choices the options' texts; empty when the options are known only by letter
     * @param options the number of options (the size of {@code choices} when there are any)
     */
    public static Named resolve(String target, List<String> choices, int options) {
        String t = target == null ? "" : target.strip();
        List<Integer> indices = new ArrayList<>(3);
        List<String> readings = new ArrayList<>(3);
        for (int i : byText(t, choices)) add(indices, readings, i, ChoiceLetters.letter(i) + " by its text");
        int letter = ChoiceLetters.index(t);
        if (letter >= 0 && letter < options) add(indices, readings, letter, ChoiceLetters.letter(letter) + " as a letter");
        if (!t.isEmpty() && t.length() <= 2 && t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int index = Integer.parseInt(t);
            if (index < Math.min(options, ChoiceLetters.MAX)) add(indices, readings, index, ChoiceLetters.letter(index) + " as a 0-based index");
        }
        if (indices.size() == 1) return new Named(indices.get(0), null);
        if (indices.isEmpty()) return new Named(-1, "'" + t + "' is not one of the " + options + " choices");
        return new Named(-1, "'" + t + "' names " + (indices.size() == 2 ? "two" : indices.size()) + " options: "
                + String.join(", ", readings) + "; name the option by a reading that fits it alone (its letter, its 0-based"
                + " index or its text)");
    }

    /** Adds reading {@code what} of option {@code i}, unless another reading already names the same option. */
    private static void add(List<Integer> indices, List<String> readings, int i, String what) {
        if (indices.contains(i)) return;
        indices.add(i);
        readings.add(what);
    }

    private static List<Integer> byText(String t, List<String> choices) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < choices.size() && i < ChoiceLetters.MAX; i++) if (choices.get(i).strip().equals(t)) out.add(i);
        if (!out.isEmpty()) return out;
        String want = TextNormalizer.SQUAD.apply(t);
        if (want.isEmpty()) return out;
        for (int i = 0; i < choices.size() && i < ChoiceLetters.MAX; i++) {
            if (TextNormalizer.SQUAD.apply(choices.get(i)).equals(want)) out.add(i);
        }
        return out;
    }
}
