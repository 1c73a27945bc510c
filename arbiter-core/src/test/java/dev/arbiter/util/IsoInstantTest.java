package dev.arbiter.util;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantTest {
    @Test
    void writesWhatInstantToStringWrites() {
        long[] seconds = {0, -1, 1_733_616_000L, 253_402_300_799L /* 9999-12-31T23:59:59 */, 253_402_300_800L /* +10000 */,
                -62_167_219_200L /* 0000-01-01 */, -62_167_219_201L, Instant.MAX.getEpochSecond(), Instant.MIN.getEpochSecond()};
        int[] nanos = {0, 1, 10, 999, 1_000, 1_000_000, 100_000_000, 123_000_000, 123_456_000, 123_456_789, 999_999_999, 500_000};
        for (long s : seconds) {
            for (int n : nanos) {
                Instant t = Instant.ofEpochSecond(s, n);
                assertThat(IsoInstant.format(t)).as("%s", t).isEqualTo(t.toString());
            }
        }
        SplittableRandom random = new SplittableRandom(7);
        long start = 1_733_616_000L;
        for (int i = 0; i < 100_000; i++) {
            // runs of stamps within one second, as an eval's answers arrive, and jumps back and forth between seconds
            Instant t = Instant.ofEpochSecond(start + random.nextInt(5), random.nextInt(3) == 0
                    ? random.nextInt(1000) * 1_000_000 : random.nextInt(1_000_000_000));
            assertThat(IsoInstant.format(t)).isEqualTo(t.toString());
        }
    }
}
