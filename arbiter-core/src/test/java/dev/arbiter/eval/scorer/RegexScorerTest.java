package dev.arbiter.eval.scorer;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegexScorerTest {
    private final Scorer regex = Scorers.create("regex", ScorerOptions.of(Map.of("pattern", "ANSWER:\\s*(\\w+)")));

    @Test
    void comparesTheCapturedGroupWithTheTarget() {
        Score s = regex.score(States.answered("Let me think.\nANSWER: blue", "Blue"));
        assertThat(s.value()).isEqualTo(1.0);
        assertThat(s.answer()).isEqualTo("blue");
    }

    @Test
    void theLastMatchWins() {
        Score s = regex.score(States.answered("ANSWER: red. Wait, no. ANSWER: green", "red"));
        assertThat(s.value()).isEqualTo(0.0);
        assertThat(s.answer()).isEqualTo("green");
    }

    @Test
    void aPatternWithoutGroupUsesTheWholeMatch() {
        Scorer digits = Scorers.create("regex", ScorerOptions.of(Map.of("pattern", "\\d+")));
        assertThat(digits.score(States.answered("I count 3, then 7", "7")).value()).isEqualTo(1.0);
    }

    @Test
    void noMatchIsUnscoredNotZero() {
        Score s = regex.score(States.answered("I don't know", "blue"));
        assertThat(s.value()).isNull();
        assertThat(s.explanation()).contains("did not match");
    }

    @Test
    void noMatchCanCountAsIncorrect() {
        Scorer strict = Scorers.create("regex", ScorerOptions.of(Map.of("pattern", "ANSWER: (\\w+)", "unparseable", "incorrect")));
        assertThat(strict.score(States.answered("I don't know", "blue")).value()).isEqualTo(0.0);
    }

    @Test
    void aMissingOrBrokenPatternIsAnInputError() {
        assertThatThrownBy(() -> Scorers.create("regex", ScorerOptions.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("pattern");
        assertThatThrownBy(() -> Scorers.create("regex", ScorerOptions.of(Map.of("pattern", "(unclosed"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a valid regular expression");
    }
}
