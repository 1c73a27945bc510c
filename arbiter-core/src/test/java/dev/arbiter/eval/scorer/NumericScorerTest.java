package dev.arbiter.eval.scorer;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumericScorerTest {
    private final Scorer exactNumbers = Scorers.create("numeric", ScorerOptions.NONE);

    @ParameterizedTest(name = "[{0}] vs target {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "So she has 18 eggs left. #### 18|18|1",
            "The total is $1,080.00|1080|1",
            "3.0|3|1",
            "I first thought 5 but it is 6|5|0",
            "0.1 + 0.2 = 0.3|0.3|1",
            "12345678901234567891|12345678901234567890|0",
            "-7|7|0"})
    void comparesTheLastNumberExactlyByDefault(String reply, String target, double expected) {
        assertThat(exactNumbers.score(States.answered(reply, target)).value()).isEqualTo(expected);
    }

    @Test
    void absoluteToleranceAcceptsCloseAnswers() {
        Scorer tol = Scorers.create("numeric", ScorerOptions.of(Map.of("abs_tolerance", "0.01")));
        assertThat(tol.score(States.answered("pi is 3.1416", "3.14159")).value()).isEqualTo(1.0);
        assertThat(tol.score(States.answered("pi is 3.2", "3.14159")).value()).isEqualTo(0.0);
    }

    @Test
    void relativeToleranceScalesWithTheNumbers() {
        Scorer tol = Scorers.create("numeric", ScorerOptions.of(Map.of("rel_tolerance", "0.01")));
        assertThat(tol.score(States.answered("about 1,005,000", "1000000")).value()).isEqualTo(1.0);
        assertThat(tol.score(States.answered("about 1,020,000", "1000000")).value()).isEqualTo(0.0);
    }

    @Test
    void anAnswerWithoutNumberIsUnscored() {
        Score s = exactNumbers.score(States.answered("I cannot say.", "4"));
        assertThat(s.value()).isNull();
        assertThat(s.explanation()).isEqualTo("no number in the answer");
    }

    @Test
    void aTargetThatIsNotANumberLeavesTheSampleUnscored() {
        Score s = exactNumbers.score(States.answered("4", "four"));
        assertThat(s.value()).isNull();
        assertThat(s.explanation()).contains("target 'four' is not a number");
    }

    @Test
    void negativeOrNonNumericTolerancesAreInputErrors() {
        assertThatThrownBy(() -> Scorers.create("numeric", ScorerOptions.of(Map.of("abs_tolerance", "-1"))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Scorers.create("numeric", ScorerOptions.of(Map.of("rel_tolerance", "1%"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rel_tolerance");
    }
}
