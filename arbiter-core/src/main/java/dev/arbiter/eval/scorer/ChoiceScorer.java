package dev.arbiter.eval.scorer;

import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

import java.util.OptionalInt;

/**
 * Multiple choice: the letter the model chose (see {@link ChoiceExtractor}) against the target, which is a letter
 * ({@code B}), a 0-based index ({@code 1} = B, as in the MMLU data files) or the correct option's text.
 */
public final class ChoiceScorer implements Scorer {
    private final Unparseable unparseable;

    public ChoiceScorer(Unparseable unparseable) {
        this.unparseable = unparseable;
    }

    @Override
    public String name() { return "choice"; }

    @Override
    public Score score(TaskState state) {
        Sample s = state.sample();
        int options = s.choices().isEmpty() ? ChoiceLetters.MAX : s.choices().size();
        if (options > ChoiceLetters.MAX) return Score.unscored(null, "more than 26 choices");
        if (s.target().isEmpty()) return Score.unscored(null, "sample has no target");
        int want = targetIndex(s);
        if (want < 0 || want >= options) return Score.unscored(null, "target '" + s.firstTarget() + "' is not one of the " + options + " choices");
        OptionalInt got = ChoiceExtractor.extract(state.completion(), options, s.choices());
        if (got.isEmpty()) return unparseable.score("no choice letter found in the answer");
        String letter = ChoiceLetters.letter(got.getAsInt());
        boolean ok = got.getAsInt() == want;
        return Score.of(ok ? 1.0 : 0.0, letter, ok ? "chose " + letter : "chose " + letter + ", expected " + ChoiceLetters.letter(want));
    }

    /** 0-based index of the correct option, or -1 when the target names none. */
    static int targetIndex(Sample s) {
        String t = s.firstTarget().strip();
        int byLetter = ChoiceLetters.index(t);
        if (byLetter >= 0) return byLetter;
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() <= 2) return Integer.parseInt(t);
        String want = TextNormalizer.SQUAD.apply(t);
        for (int i = 0; i < s.choices().size(); i++) {
            if (TextNormalizer.SQUAD.apply(s.choices().get(i)).equals(want)) return i;
        }
        return -1;
    }
}
