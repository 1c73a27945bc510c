package dev.arbiter.eval.scorer;

import dev.arbiter.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScorersTest {
    @Test
    void everyListedScorerCanBeBuilt() {
        ScriptedJudge j = ScriptedJudge.saying("GRADE: C");
        Map<String, Map<String, String>> opts = Map.of("regex", Map.of("pattern", "(\\w+)"));
        for (String name : Scorers.NAMES) {
            var s = Scorers.create(name, ScorerOptions.of(opts.getOrDefault(name, Map.of())).withJudge(j));
            assertThat(s.name()).isEqualTo(name);
        }
    }

    @Test
    void anUnknownScorerNamesTheKnownOnes() {
        assertThatThrownBy(() -> Scorers.create("fuzzy", ScorerOptions.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("fuzzy").hasMessageContaining("numeric");
    }

    @Test
    void anOptionTheScorerDoesNotReadIsAnError() {
        assertThatThrownBy(() -> Scorers.create("exact", ScorerOptions.of(Map.of("ignore_cases", "true"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ignore_cases").hasMessageContaining("ignore_case");
    }

    @Test
    void aBooleanOptionMustBeABoolean() {
        assertThatThrownBy(() -> Scorers.create("exact", ScorerOptions.of(Map.of("ignore_case", "maybe"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ignore_case");
    }

    @Test
    void theEngineFactoryBuildsByNameWithTheSharedOptions() {
        var f = Scorers.factory(ScorerOptions.of(Map.of("unparseable", "incorrect")));
        assertThat(f.names()).contains("numeric", "choice");
        assertThat(f.create("numeric").score(States.answered("no digits", "4")).value()).isEqualTo(0.0);
    }
}
