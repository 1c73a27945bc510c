package dev.arbiter.eval.scorer;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExactScorerTest {
    private final Scorer exact = Scorers.create("exact", ScorerOptions.NONE);

    /**
     * Each case with the score Inspect's {@code exact} gives it ({@code max_exact_score} of
     * inspect_ai/scorer/_classification.py run in CPython 3.11). A minus sign splits words there ("-5" is "5"), and a
     * slash is punctuation ("1/2" is "12"): Inspect scores both 1, and so does this scorer.
     */
    static Stream<Arguments> inspectsOwnScores() {
        return Stream.of(
                Arguments.of("Paris", "Paris", 1.0),
                Arguments.of("paris.", "Paris", 1.0),
                Arguments.of("The Paris", "Paris", 1.0),
                Arguments.of("  Paris \t", "Paris", 1.0),
                Arguments.of("Paris, France", "Paris", 0.0),
                Arguments.of("It is Paris", "Paris", 0.0),
                Arguments.of("Pariss", "Paris", 0.0),
                Arguments.of("42", "42.0", 1.0),
                Arguments.of("-5", "5", 1.0),
                Arguments.of("31", "3.1", 0.0),
                Arguments.of("1/2", "12", 1.0),
                Arguments.of("05", "0.5", 0.0),
                Arguments.of("3.10", "3.1", 1.0),
                Arguments.of("1000000", "1e6", 1.0),
                Arguments.of("1e21", "1e21", 1.0),
                Arguments.of("0.00001", "1e-05", 0.0),
                Arguments.of("1e400", "inf", 1.0),
                Arguments.of("Infinity", "inf", 1.0),
                Arguments.of("NaN", "nan", 1.0),
                Arguments.of("1_000", "1000", 1.0),
                Arguments.of("1,000", "1000", 1.0),
                Arguments.of("$5", "5", 1.0),
                Arguments.of("5%", "5", 1.0),
                Arguments.of("dog cat", "cat dog cat", 1.0),
                Arguments.of("well-known", "well known", 1.0),
                Arguments.of("an apple", "apple", 1.0),
                Arguments.of("Stra\u00dfe", "STRASSE", 1.0),
                Arguments.of("\u0663", "3", 1.0),
                Arguments.of("5\n6", "5 6", 0.0),
                Arguments.of("3.1.", "3.1", 0.0),
                Arguments.of("(3.1)", "3.1", 0.0),
                Arguments.of("l\u2019a", "l\u2019", 1.0),
                Arguments.of("", "the", 1.0),
                Arguments.of("A", "a", 1.0),
                Arguments.of("e", "E", 1.0));
    }

    @ParameterizedTest(name = "[{0}] vs [{1}] -> {2}")
    @MethodSource("inspectsOwnScores")
    void scoresWhatInspectsExactScores(String reply, String target, double expected) {
        assertThat(exact.score(States.answered(reply, target)).value()).isEqualTo(expected);
    }

    @Test
    void numbersKeepTheirSignificantSignsAndPoints() {
        // SQuAD normalisation dropped every '.', so "31" passed for "3.1", "05" for "0.5", and "3.10" failed "3.1"
        assertThat(exact.score(States.answered("31", "3.1")).value()).isEqualTo(0.0);
        assertThat(exact.score(States.answered("05", "0.5")).value()).isEqualTo(0.0);
        assertThat(exact.score(States.answered("The answer is 3.10", "the answer is 3.1")).value()).isEqualTo(1.0);
    }

    @Test
    void whitespaceCannotBeMadeSignificant() {
        assertThatThrownBy(() -> Scorers.create("exact", ScorerOptions.of(Map.of("ignore_whitespace", "false"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ignore_whitespace");
    }

    @Test
    void anyOfSeveralTargetsPasses() {
        Score s = exact.score(States.answered("NYC", "New York City", "NYC"));
        assertThat(s.value()).isEqualTo(1.0);
        assertThat(s.answer()).isEqualTo("NYC");
    }

    @Test
    void caseSensitivityCanBeSwitchedOn() {
        Scorer strict = Scorers.create("exact", ScorerOptions.of(Map.of("ignore_case", "false")));
        assertThat(strict.score(States.answered("paris", "Paris")).value()).isEqualTo(0.0);
        assertThat(strict.score(States.answered("Paris.", "Paris")).value()).isEqualTo(1.0);
    }

    @Test
    void aSampleWithoutTargetIsUnscored() {
        assertThat(exact.score(States.answered("anything")).scored()).isFalse();
    }
}
