package dev.arbiter.eval.scorer;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExactScorerTest {
    private final Scorer exact = Scorers.create("exact", ScorerOptions.NONE);

    @ParameterizedTest(name = "[{0}] vs [{1}] → {2}")
    @CsvSource(delimiter = '|', value = {
            "Paris|Paris|1",
            "paris.|Paris|1",
            "The Paris|Paris|1",
            "  Paris \t|Paris|1",
            "Paris, France|Paris|0",
            "It is Paris|Paris|0",
            "Pariss|Paris|0",
            "42|42.0|0"})
    void comparesTheWholeNormalisedAnswer(String reply, String target, double expected) {
        assertThat(exact.score(States.answered(reply, target)).value()).isEqualTo(expected);
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
