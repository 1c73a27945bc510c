package dev.arbiter.cli;

import dev.arbiter.eval.engine.Progress;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {
    @Test
    void theLineShowsCountsRateEtaAndRunningScore() {
        // 12 of 30 done, 2 of them from before a resume: 10 fresh in 5 s = 2/s; 18 left → 9 s
        Progress p = new Progress("r", "gsm8k", 30, 12, 2, 11, 1, 0.6666, 5_000_000_000L);
        assertThat(ProgressBar.line(p)).isEqualTo("gsm8k  12/30  40%  2.0/s  ETA 0:09  score 0.667  1 err");
    }

    @Test
    void beforeAnyAnswerTheRateAndEtaAreUnknown() {
        Progress p = new Progress("r", "t", 10, 0, 0, 0, 0, Double.NaN, 0);
        assertThat(ProgressBar.line(p)).isEqualTo("t  0/10  0%  0.0/s  ETA -  score -");
    }

    @Test
    void longEtasShowHours() {
        assertThat(ProgressBar.clock(3_725)).isEqualTo("1:02:05");
    }

    @Test
    void aQuietBarPrintsNothingButTheResumeNotice() {
        StringWriter s = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(s), false, true);
        bar.started(new Progress("r", "t", 10, 0, 0, 0, 0, Double.NaN, 0));
        bar.resuming("run-1", 4, 10);
        assertThat(s.toString()).isEqualTo("arbiter: resuming run run-1 (4 of 10 answers already stored; only the rest are asked)\n");
    }
}
