package dev.arbiter.eval.scorer;

import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

import java.util.OptionalInt;

/**
 * Multiple choice: the letter the model chose (see {@link ChoiceExtractor}) against the option the first target names:
 * its letter ({@code B}), its 0-based index ({@code 1} = B, as in the MMLU data files) or its text, read as
 * {@link ChoiceTarget} says. A target that names no option, or names two (text "3" among options 1, 2, 3, 4 is C by its
 * text and D as an index), leaves the sample unscored; the custom dataset loader refuses such rows before a run.
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
        ChoiceTarget.Named target = ChoiceTarget.resolve(s.firstTarget(), s.choices(), options);
        if (!target.named()) return Score.unscored(null, "target " + target.problem());
        int want = target.index();
        OptionalInt got = ChoiceExtractor.extract(state.completion(), options, s.choices());
        if (got.isEmpty()) return unparseable.score("no choice letter found in the answer");
        String letter = ChoiceLetters.letter(got.getAsInt());
        boolean ok = got.getAsInt() == want;
        return Score.of(ok ? 1.0 : 0.0, letter, ok ? "chose " + letter : "chose " + letter + ", expected " + ChoiceLetters.letter(want));
    }
}
