package dev.arbiter.eval.task.mtbench.pairwise;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** FastChat's rule: a win needs both orders; any disagreement is a tie and counts as inconsistent. */
class PairOutcomeTest {
    static PairOutcome decide(PairVerdict aFirst, PairVerdict bFirst) {
        return PairOutcome.decide(81, "writing", 1, new Judgment(aFirst, null), new Judgment(bFirst, null));
    }

    @Test
    void agreeingOrdersDecideTheWinner() {
        assertThat(decide(PairVerdict.A, PairVerdict.A).winner()).isEqualTo(PairVerdict.A);
        assertThat(decide(PairVerdict.B, PairVerdict.B).winner()).isEqualTo(PairVerdict.B);
        assertThat(decide(PairVerdict.A, PairVerdict.A).inconsistent()).isFalse();
    }

    @Test
    void aTieInBothOrdersIsAConsistentTie() {
        PairOutcome o = decide(PairVerdict.TIE, PairVerdict.TIE);
        assertThat(o.winner()).isEqualTo(PairVerdict.TIE);
        assertThat(o.inconsistent()).isFalse();
    }

    @Test
    void disagreeingOrdersAreAnInconsistentTie() {
        for (PairOutcome o : new PairOutcome[]{decide(PairVerdict.A, PairVerdict.B), decide(PairVerdict.A, PairVerdict.TIE),
                decide(PairVerdict.TIE, PairVerdict.B)}) {
            assertThat(o.winner()).isEqualTo(PairVerdict.TIE);
            assertThat(o.inconsistent()).isTrue();
        }
    }

    @Test
    void aMissingVerdictInEitherOrderLeavesTheComparisonUnjudged() {
        assertThat(decide(PairVerdict.A, null).judged()).isFalse();
        PairOutcome failed = PairOutcome.decide(81, "writing", 2, Judgment.failed("HTTP 500"), new Judgment(PairVerdict.A, null));
        assertThat(failed.judged()).isFalse();
        assertThat(failed.inconsistent()).isFalse();
    }

    @Test
    void aSwappedVerdictMapsBackToTheRuns() {
        assertThat(PairVerdict.A.swapped()).isEqualTo(PairVerdict.B);
        assertThat(PairVerdict.B.swapped()).isEqualTo(PairVerdict.A);
        assertThat(PairVerdict.TIE.swapped()).isEqualTo(PairVerdict.TIE);
    }
}
