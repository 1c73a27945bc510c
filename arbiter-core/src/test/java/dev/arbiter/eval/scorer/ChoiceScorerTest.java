package dev.arbiter.eval.scorer;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChoiceScorerTest {
    private final Scorer choice = Scorers.create("choice", ScorerOptions.NONE);

    @Test
    void aLetterTargetIsComparedWithTheChosenLetter() {
        Score s = choice.score(States.choice("The answer is C", "C", "1", "2", "3", "4"));
        assertThat(s.value()).isEqualTo(1.0);
        assertThat(s.answer()).isEqualTo("C");
    }

    @Test
    void aNumericTargetIsAZeroBasedIndex() {
        assertThat(choice.score(States.choice("Answer: B", "1", "w", "x", "y", "z")).value()).isEqualTo(1.0);
        assertThat(choice.score(States.choice("Answer: A", "1", "w", "x", "y", "z")).value()).isEqualTo(0.0);
    }

    @Test
    void aTargetMayBeTheCorrectOptionsText() {
        assertThat(choice.score(States.choice("Answer: D", "Lille", "Paris", "Lyon", "Nice", "Lille")).value()).isEqualTo(1.0);
    }

    @Test
    void aWrongLetterScoresZeroAndSaysWhatWasExpected() {
        Score wrong = choice.score(States.choice("Answer: A", "B", "p", "q"));
        assertThat(wrong.value()).isEqualTo(0.0);
        assertThat(wrong.explanation()).isEqualTo("chose A, expected B");
    }

    @Test
    void noLetterIsUnscoredByDefaultAndIncorrectOnRequest() {
        assertThat(choice.score(States.choice("I refuse.", "A", "p", "q")).value()).isNull();
        Scorer strict = Scorers.create("choice", ScorerOptions.of(Map.of("unparseable", "incorrect")));
        assertThat(strict.score(States.choice("I refuse.", "A", "p", "q")).value()).isEqualTo(0.0);
    }

    @Test
    void aTargetOutsideTheChoicesLeavesTheSampleUnscored() {
        Score s = choice.score(States.choice("Answer: A", "E", "p", "q"));
        assertThat(s.value()).isNull();
        assertThat(s.explanation()).contains("not one of the 2 choices");
    }
}
