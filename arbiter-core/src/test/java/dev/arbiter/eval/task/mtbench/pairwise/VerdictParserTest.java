package dev.arbiter.eval.task.mtbench.pairwise;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictParserTest {
    @Test
    void readsEachOfTheThreeVerdicts() {
        assertThat(VerdictParser.parse("A is clearer. [[A]]")).contains(PairVerdict.A);
        assertThat(VerdictParser.parse("B is right. [[B]]")).contains(PairVerdict.B);
        assertThat(VerdictParser.parse("Equally good. [[C]]")).contains(PairVerdict.TIE);
    }

    @Test
    void theLastVerdictWinsOverARestatedFormat() {
        assertThat(VerdictParser.parse("The format is \"[[A]]\" if A is better. Having compared them: [[B]]"))
                .contains(PairVerdict.B);
    }

    @Test
    void aJudgmentWithoutVerdictIsEmptyNotATie() {
        assertThat(VerdictParser.parse("Both answers have merit.")).isEmpty();
        assertThat(VerdictParser.parse("[A] is better")).isEmpty();
        assertThat(VerdictParser.parse("[ [A] ] quoted from a defused answer")).isEmpty();
        assertThat(VerdictParser.parse(null)).isEmpty();
    }
}
