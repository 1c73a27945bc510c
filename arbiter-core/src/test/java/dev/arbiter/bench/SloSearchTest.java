package dev.arbiter.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SloSearchTest {
    /** A level at {@code rate} where {@code good} of 100 requests met the SLO. */
    private static LevelResult level(double rate, int good) {
        return new LevelResult(null, rate, false, 100, 0, 0, Map.of(), Map.of(), 10, 10.0, 100.0, 200.0, 1000, 1000,
                Map.of("usage", 100), 0, Distribution.EMPTY, Distribution.EMPTY, Distribution.EMPTY, Distribution.EMPTY,
                null, null, null, new Goodput(Slo.parse("ttft=1s"), good, good / 10.0, good / 100.0), List.of(), null, null, List.of());
    }

    /** Plays the search against a server that meets the SLO up to {@code capacity} requests/s. */
    private static List<LevelResult> play(SloSearch s, double capacity) {
        List<LevelResult> done = new ArrayList<>();
        Double r;
        while ((r = s.next(done)) != null) done.add(level(r, r <= capacity ? 100 : 50));
        return done;
    }

    @Test
    void doublesUntilALevelMissesThenBisectsToWithinTenPercent() {
        SloSearch s = new SloSearch(1, 0.95, 20, null);
        List<LevelResult> done = play(s, 11);
        assertThat(done).extracting(LevelResult::rate).startsWith(1.0, 2.0, 4.0, 8.0, 16.0, 12.0, 10.0, 11.0);
        assertThat(s.best(done)).isEqualTo(11.0);
        double missed = done.stream().filter(l -> !SloSearch.meets(l, 0.95)).mapToDouble(LevelResult::rate).min().orElseThrow();
        assertThat((missed - 11.0) / missed).isLessThan(SloSearch.RESOLUTION);
    }

    @Test
    void halvesDownWhenTheStartMissesAndStopsAtTheLevelLimit() {
        SloSearch s = new SloSearch(8, 0.95, 3, null);
        List<LevelResult> done = play(s, 1.5);
        assertThat(done).extracting(LevelResult::rate).containsExactly(8.0, 4.0, 2.0);
        assertThat(s.best(done)).isNull();
    }

    @Test
    void aLevelMeetsTheSloOnlyWithEnoughGoodRequests() {
        assertThat(SloSearch.meets(level(1, 95), 0.95)).isTrue();
        assertThat(SloSearch.meets(level(1, 94), 0.95)).isFalse();
    }
}
