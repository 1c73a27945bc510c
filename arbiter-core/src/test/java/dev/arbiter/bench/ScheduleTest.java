package dev.arbiter.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleTest {
    @Test
    void poissonArrivalsAreAbsoluteSeededAndAverageTheRate() {
        long[] a = Schedule.poisson(50, 20_000, null, 7);
        assertThat(a).hasSize(20_000);
        assertThat(a[0]).isZero();
        for (int i = 1; i < a.length; i++) assertThat(a[i]).isGreaterThanOrEqualTo(a[i - 1]);
        double meanGapS = a[a.length - 1] / 1e9 / (a.length - 1);
        assertThat(meanGapS).isBetween(0.019, 0.021);  // 1/50 s; sd of the mean over 20k gaps is 0.7%
        assertThat(Schedule.poisson(50, 20_000, null, 7)).isEqualTo(a);
        assertThat(Schedule.poisson(50, 100, null, 8)).isNotEqualTo(java.util.Arrays.copyOf(a, 100));
    }

    @Test
    void aDurationBoundKeepsOnlyArrivalsBeforeIt() {
        long[] a = Schedule.poisson(100, null, 2_000_000_000L, 1);
        assertThat(a[a.length - 1]).isLessThan(2_000_000_000L);
        assertThat(a.length).isBetween(150, 250);
    }

    @Test
    void anInfiniteRateSendsEverythingAtOnce() {
        assertThat(Schedule.poisson(Double.POSITIVE_INFINITY, 5, null, 1)).containsExactly(0, 0, 0, 0, 0);
    }
}
