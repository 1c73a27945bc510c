package dev.arbiter.client;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptLogprobsTest {
    private static final PromptLogprobs P = new PromptLogprobs("Answer: B", List.of(
            new PromptToken("Answer", 0, Double.NaN), new PromptToken(":", 6, -1.5), new PromptToken(" B", 7, -0.25)), null);

    @Test
    void theContinuationIsTheSumOfTheTokensFromItsStart() {
        PromptLogprobs.Continuation c = P.continuation(7);
        assertThat(c.text()).isEqualTo(" B");
        assertThat(c.logprob()).isEqualTo(-0.25);
        assertThat(c.aligned()).isTrue();
    }

    @Test
    void aTokenSpanningTheBoundaryIsCountedAndFlagged() {
        PromptLogprobs.Continuation c = P.continuation(8);
        assertThat(c.tokens()).extracting(PromptToken::text).containsExactly(" B");
        assertThat(c.aligned()).isFalse();
    }

    @Test
    void offsetsMustAscendInsideThePromptFromZero() {
        assertThatThrownBy(() -> new PromptLogprobs("ab", List.of(new PromptToken("b", 1, -1)), null))
                .hasMessageContaining("first starts at 1");
        assertThatThrownBy(() -> new PromptLogprobs("ab", List.of(new PromptToken("a", 0, -1), new PromptToken("x", 2, -1)), null))
                .hasMessageContaining("outside");
    }
}
