package dev.arbiter.score;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BenchmarkScaleTest {
    @Test
    void theChanceFloorIsRemovedAsTheOpenLlmLeaderboardDoes() {
        BenchmarkScale gpqa = BenchmarkScales.bundled().get("gpqa").orElseThrow();
        assertThat(gpqa.aboveChance(60)).isCloseTo(0.4667, within(1e-4));  // the leaderboard's worked example: 46.67
        assertThat(gpqa.aboveChance(20)).isZero();
        BenchmarkScale mt = BenchmarkScales.bundled().get("mt_bench").orElseThrow();
        assertThat(mt.aboveChance(10)).isEqualTo(1.0);
        assertThat(mt.aboveChance(5.5)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void theLogitStaysFiniteAtZeroAndAHundredAndItsErrorShrinksWithMoreItems() {
        BenchmarkScale small = new BenchmarkScale("x", 0, null, null, 100, null);
        BenchmarkScale large = new BenchmarkScale("y", 0, null, null, 10000, null);
        assertThat(small.logit(100)).isFinite();
        assertThat(small.logit(0)).isFinite();
        assertThat(large.logitStandardError(50)).isCloseTo(small.logitStandardError(50) / 10, within(1e-9));
    }

    @Test
    void aScaleWhoseChanceIsNotBelowItsMaximumIsRefused() {
        assertThatThrownBy(() -> new BenchmarkScale("bad", 100, null, null, 10, null)).hasMessageContaining("chance");
        assertThatThrownBy(() -> new BenchmarkScale("bad", 0, null, null, 0, null)).hasMessageContaining("items");
    }
}
