package dev.arbiter.eval.stats;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PairedBootstrapTest {
    private static final double[] DIFFS = {2.0, -1.0, 3.0, 0.5, 1.0, -0.5, 2.5, 1.5, 0.0, 1.0};

    @Test
    void matchesAnIndependentReimplementationForTheSameSeed() {
        // Reference: a Python port of java.util.Random(42) and of the same resampling, 2000 resamples
        // (mean 1.0; 2.5th/97.5th percentiles 0.25 and 1.70; p = 17/2001).
        BootstrapResult r = PairedBootstrap.run(DIFFS, 2000, new Random(42));
        assertThat(r.meanDifference()).isEqualTo(1.0);
        assertThat(r.ciLow()).isCloseTo(0.25, within(1e-12));
        assertThat(r.ciHigh()).isCloseTo(1.70, within(1e-12));
        assertThat(r.pValue()).isCloseTo(0.00849575212393803, within(1e-12));
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        assertThat(PairedBootstrap.run(DIFFS, 500, new Random(3))).isEqualTo(PairedBootstrap.run(DIFFS, 500, new Random(3)));
    }

    @Test
    void constantDifferencesGiveAPointIntervalAndTheSmallestPValue() {
        BootstrapResult r = PairedBootstrap.run(new double[]{0.5, 0.5, 0.5}, 1000, new Random(1));
        assertThat(r.ciLow()).isEqualTo(0.5);
        assertThat(r.ciHigh()).isEqualTo(0.5);
        assertThat(r.pValue()).isCloseTo(1.0 / 1001, within(1e-15));
    }

    @Test
    void noMeanDifferenceHasPValueOne() {
        assertThat(PairedBootstrap.run(new double[]{1, -1, 1, -1}, 1000, new Random(1)).pValue()).isEqualTo(1.0);
    }

    @Test
    void quantileInterpolatesBetweenOrderStatistics() {
        double[] sorted = {0, 10, 20, 30, 40};
        assertThat(PairedBootstrap.quantile(sorted, 0.5)).isEqualTo(20.0);
        assertThat(PairedBootstrap.quantile(sorted, 0.1)).isCloseTo(4.0, within(1e-12));
        assertThat(PairedBootstrap.quantile(sorted, 1.0)).isEqualTo(40.0);
    }
}
