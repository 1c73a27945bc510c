package dev.arbiter.eval.task.mtbench.pairwise;

import dev.arbiter.eval.metrics.Stats;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WinTallyTest {
    static PairOutcome outcome(PairVerdict g1, PairVerdict g2) {
        return PairOutcome.decide(81, "writing", 1, new Judgment(g1, null), new Judgment(g2, null));
    }

    @Test
    void countsAndRatesAreOverJudgedComparisonsOnly() {
        List<PairOutcome> os = new ArrayList<>();
        for (int i = 0; i < 3; i++) os.add(outcome(PairVerdict.A, PairVerdict.A));
        os.add(outcome(PairVerdict.B, PairVerdict.B));
        os.add(outcome(PairVerdict.A, PairVerdict.B));
        os.add(outcome(PairVerdict.A, null));

        WinTally t = WinTally.of(os);

        assertThat(List.of(t.judged(), t.wins(), t.losses(), t.ties(), t.inconsistent(), t.unjudged()))
                .containsExactly(5, 3, 1, 1, 1, 1);
        assertThat(t.winRate()).isEqualTo(0.6);
        assertThat(t.decisiveWinShare()).isEqualTo(0.75);
    }

    @Test
    void theIntervalsAreWilsonOverTheirOwnDenominators() {
        WinTally t = WinTally.of(List.of(outcome(PairVerdict.A, PairVerdict.A), outcome(PairVerdict.A, PairVerdict.A),
                outcome(PairVerdict.A, PairVerdict.A), outcome(PairVerdict.B, PairVerdict.B), outcome(PairVerdict.TIE, PairVerdict.TIE)));

        double[] overAll = Stats.wilson95(0.6, 5);
        double[] overDecisive = Stats.wilson95(0.75, 4);
        assertThat(t.winRateCi95().get(0)).isCloseTo(overAll[0], within(1e-12));
        assertThat(t.winRateCi95().get(1)).isCloseTo(overAll[1], within(1e-12));
        assertThat(t.decisiveWinShareCi95().get(0)).isCloseTo(overDecisive[0], within(1e-12));
    }

    @Test
    void withNothingJudgedTheRatesAreAbsentNotZero() {
        WinTally t = WinTally.of(List.of(outcome(null, PairVerdict.A)));

        assertThat(t.winRate()).isNull();
        assertThat(t.winRateCi95()).isNull();
        assertThat(t.unjudged()).isEqualTo(1);
    }

    @Test
    void allTiesLeaveNoDecisiveShare() {
        WinTally t = WinTally.of(List.of(outcome(PairVerdict.TIE, PairVerdict.TIE)));

        assertThat(t.tieRate()).isEqualTo(1.0);
        assertThat(t.decisiveWinShare()).isNull();
    }
}
