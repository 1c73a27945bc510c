package dev.arbiter.eval.scorer;

import dev.arbiter.eval.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IncludesScorerTest {
    private final Scorer includes = Scorers.create("includes", ScorerOptions.NONE);

    @ParameterizedTest(name = "[{0}] includes [{1}] → {2}")
    @CsvSource(delimiter = '|', value = {
            "The capital is Paris.|Paris|1",
            "the capital is PARIS|paris|1",
            "New\t  York|New York|1",
            "The capital is Lyon.|Paris|0",
            "Par is|Paris|0"})
    void findsTheTargetInsideTheAnswer(String reply, String target, double expected) {
        assertThat(includes.score(States.answered(reply, target)).value()).isEqualTo(expected);
    }

    @Test
    void anEmptyTargetNeverMatches() {
        assertThat(includes.score(States.answered("anything", "  ")).value()).isEqualTo(0.0);
    }

    @Test
    void punctuationCanBeIgnored() {
        Scorer loose = Scorers.create("includes", ScorerOptions.of(Map.of("ignore_punctuation", "true")));
        assertThat(includes.score(States.answered("it is U.S.A.", "USA")).value()).isEqualTo(0.0);
        assertThat(loose.score(States.answered("it is U.S.A.", "USA")).value()).isEqualTo(1.0);
    }
}
