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

    @Test
    void aTargetThatIsTheTextOfOneOptionNamesIt() {
        // "10" was read as index 10 of four options: unscored ("target '10' is not one of the 4 choices").
        Score s = choice.score(States.choice("Answer: B", "10", "5", "10", "15", "20"));
        assertThat(s.value()).isEqualTo(1.0);
    }

    @Test
    void aTargetThatNamesTwoOptionsIsUnscoredNotGuessed() {
        // "3" is the text of C and the 0-based index of D: it was read as D, so the answer C scored 0.
        Score digits = choice.score(States.choice("Answer: C", "3", "1", "2", "3", "4"));
        assertThat(digits.value()).isNull();
        assertThat(digits.explanation()).startsWith("target '3' names two options: C by its text, D as a 0-based index");
        Score letters = choice.score(States.choice("Answer: B", "A", "B", "A", "C", "D"));
        assertThat(letters.value()).isNull();
        assertThat(letters.explanation()).startsWith("target 'A' names two options: B by its text, A as a letter");
    }

    @Test
    void readingsThatAgreeAreNotAmbiguous() {
        // "2" among 0, 1, 2, 3 is C by its text and as an index; "C" among p, q, C is C as its letter and its text
        assertThat(choice.score(States.choice("Answer: C", "2", "0", "1", "2", "3")).value()).isEqualTo(1.0);
        assertThat(choice.score(States.choice("Answer: C", "C", "p", "q", "C")).value()).isEqualTo(1.0);
    }
}
