package dev.arbiter.client;

import dev.arbiter.client.ModelException.Kind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {
    private final List<Long> slept = new ArrayList<>();

    /** A random source that returns the given doubles in turn. */
    private static RandomGenerator doubles(double... values) {
        return new RandomGenerator() {
            int i;
            @Override public long nextLong() { throw new UnsupportedOperationException(); }
            @Override public double nextDouble() { return values[i++ % values.length]; }
        };
    }

    private RetryPolicy policy(int attempts, RandomGenerator random) {
        return new RetryPolicy(attempts, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(60),
                slept::add, random);
    }

    private static ModelException error(Kind kind, Long retryAfter) {
        return new ModelException(kind, 0, kind.name(), retryAfter, null);
    }

    /** Fails {@code failures} times with {@code e}, then returns "ok". */
    private static java.util.function.Supplier<String> failing(int failures, ModelException e, AtomicInteger calls) {
        return () -> {
            if (calls.incrementAndGet() <= failures) throw e;
            return "ok";
        };
    }

    @Test
    void backsOffExponentiallyWithFullJitterUpToTheCap() {
        AtomicInteger calls = new AtomicInteger();
        String r = policy(6, doubles(0.5)).call(failing(5, error(Kind.SERVER_ERROR, null), calls));
        assertThat(r).isEqualTo("ok");
        // caps 100, 200, 400, 800, 1000 ms; half of (cap + 1), floored
        assertThat(slept).containsExactly(50L, 100L, 200L, 400L, 500L);
    }

    @Test
    void drawsEachDelayUniformlyFromZeroToTheCap() {
        RetryPolicy p = policy(6, doubles(0.0, 0.999_999));
        assertThat(p.delayMillis(3, error(Kind.TIMEOUT, null))).isEqualTo(0L);
        assertThat(p.delayMillis(3, error(Kind.TIMEOUT, null))).isEqualTo(400L);
    }

    @Test
    void neverRetriesSoonerThanRetryAfter() {
        AtomicInteger calls = new AtomicInteger();
        policy(6, doubles(0.5)).call(failing(2, error(Kind.RATE_LIMITED, 2_500L), calls));
        assertThat(slept).containsExactly(2_500L, 2_500L);
    }

    @Test
    void keepsAJitteredDelayLongerThanRetryAfter() {
        assertThat(policy(6, doubles(0.9)).delayMillis(5, error(Kind.RATE_LIMITED, 10L))).isEqualTo(900L);
    }

    @Test
    void throwsANonRetriableErrorAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> policy(6, doubles(0.5)).call(failing(1, error(Kind.UNAUTHORIZED, null), calls)))
                .isInstanceOf(ModelException.class).extracting("kind").isEqualTo(Kind.UNAUTHORIZED);
        assertThat(calls).hasValue(1);
        assertThat(slept).isEmpty();
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastError() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> policy(3, doubles(0.5)).call(failing(10, error(Kind.CONNECTION, null), calls)))
                .isInstanceOf(ModelException.class);
        assertThat(calls).hasValue(3);
        assertThat(slept).hasSize(2);
    }

    @Test
    void doesNotWaitForARetryAfterBeyondTheLimit() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> policy(6, doubles(0.5)).call(failing(1, error(Kind.RATE_LIMITED, 3_600_000L), calls)))
                .isInstanceOf(ModelException.class);
        assertThat(slept).isEmpty();
    }

    @Test
    void tellsTheListenerAboutEachRetry() {
        List<String> told = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        policy(6, doubles(0.5)).call(failing(2, error(Kind.SERVER_ERROR, null), calls),
                (n, e, d) -> told.add(n + ":" + e.kind() + ":" + d));
        assertThat(told).containsExactly("1:SERVER_ERROR:50", "2:SERVER_ERROR:100");
    }

    @Test
    void isReproducibleWithASeededRandom() {
        RetryPolicy a = policy(6, new java.util.SplittableRandom(7));
        RetryPolicy b = policy(6, new java.util.SplittableRandom(7));
        for (int n = 1; n <= 5; n++) {
            assertThat(a.delayMillis(n, error(Kind.TIMEOUT, null))).isEqualTo(b.delayMillis(n, error(Kind.TIMEOUT, null)));
        }
    }
}
