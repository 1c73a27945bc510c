package dev.arbiter.eval.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {
    long now;
    final List<Long> slept = new ArrayList<>();

    @Test
    void sixtyPerMinuteSpacesRequestsOneSecondApart() throws Exception {
        RateLimiter l = new RateLimiter(60, () -> now, slept::add);
        for (int i = 0; i < 4; i++) l.acquire();
        assertThat(slept).containsExactly(1_000_000_000L, 2_000_000_000L, 3_000_000_000L);
    }

    @Test
    void anIdleLimiterDoesNotBankRequestsForALaterBurst() throws Exception {
        RateLimiter l = new RateLimiter(120, () -> now, slept::add);
        l.acquire();
        now = 60_000_000_000L; // a minute of silence
        l.acquire();
        l.acquire();
        assertThat(slept).containsExactly(500_000_000L);
    }

    @Test
    void aWaitIsShortenedByTheTimeAlreadyPassed() throws Exception {
        RateLimiter l = new RateLimiter(60, () -> now, slept::add);
        l.acquire();
        now = 400_000_000L;
        l.acquire();
        assertThat(slept).containsExactly(600_000_000L);
    }

    @Test
    void aNonPositiveRateIsRefused() {
        assertThatThrownBy(() -> new RateLimiter(0, () -> 0, n -> {})).hasMessageContaining("requests per minute");
    }
}
