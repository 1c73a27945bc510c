package dev.arbiter.eval.task.mmlu;

import dev.arbiter.client.TokenLogprob;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LogprobChoiceTest {
    @Test
    void sumsTheSpellingsOfEachLetterAndTakesTheMostProbable() {
        // B alone (0.30) loses to A alone (0.35), but " B" + "B" (0.30 + 0.10) beats A
        TokenLogprob first = new TokenLogprob("A", Math.log(0.35), Map.of(
                "A", Math.log(0.35), "B", Math.log(0.30), " B", Math.log(0.10), "C", Math.log(0.05), "The", Math.log(0.2)));
        LogprobChoice.Result r = LogprobChoice.pick(List.of(first), 4).orElseThrow();
        assertThat(r.letter()).isEqualTo("B");
        assertThat(r.probabilities().get("B")).isCloseTo(0.40, within(1e-9));
        assertThat(r.probabilities().get("D")).isZero();
    }

    @Test
    void readsSentencePieceAndByteLevelSpaceMarks() {
        TokenLogprob first = new TokenLogprob("\u2581C", Math.log(0.6), Map.of("\u2581C", Math.log(0.6), "\u0120D", Math.log(0.3)));
        assertThat(LogprobChoice.pick(List.of(first), 4).orElseThrow().letter()).isEqualTo("C");
    }

    @Test
    void countsTheGeneratedTokenEvenWhenTheTopListOmitsIt() {
        TokenLogprob first = new TokenLogprob(" D", Math.log(0.9), Map.of("The", Math.log(0.05)));
        assertThat(LogprobChoice.pick(List.of(first), 4).orElseThrow().letter()).isEqualTo("D");
    }

    @Test
    void isEmptyWhenNoOptionLetterIsAmongTheAlternatives() {
        TokenLogprob first = new TokenLogprob("The", Math.log(0.7), Map.of("The", Math.log(0.7), "**", Math.log(0.2), "E", Math.log(0.1)));
        assertThat(LogprobChoice.pick(List.of(first), 4)).isEmpty();
        assertThat(LogprobChoice.pick(List.of(), 4)).isEmpty();
    }
}
