package dev.arbiter.client;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Retries a model call that failed with a retriable {@link ModelException} (429, 5xx, timeout, dropped
 * connection), waiting with exponential backoff and full jitter: before retry n (1-based) the wait is uniform in
 * [0, min(maxDelay, baseDelay·2^(n-1))] ms, raised to the server's Retry-After when it gave one, so a retry never
 * comes sooner than the server asked. A Retry-After longer than {@code maxRetryAfter} is not waited for: the
 * error is thrown. Non-retriable errors are thrown at once. Sleeper and random source are injected.
 */
public final class RetryPolicy {
    public static final int DEFAULT_MAX_ATTEMPTS = 6;
    public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofMinutes(5);

    /** Waits; {@link Thread#sleep} in production, a recorder in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;

        static Sleeper system() {
            return Thread::sleep;
        }
    }

    /** Told before each wait; for logs and retry counts. */
    @FunctionalInterface
    public interface Listener {
        void retrying(int failedAttempts, ModelException error, long delayMillis);
    }

    private final int maxAttempts;
    private final long baseMillis;
    private final long maxMillis;
    private final long maxRetryAfterMillis;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    /** @param maxAttempts total tries including the first (1 = never retry) */
    public RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter, Sleeper sleeper,
                       RandomGenerator random) {
        if (maxAttempts < 1) throw new IllegalArgumentException("max attempts must be >= 1, got " + maxAttempts);
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= base delay <= max delay, got " + baseDelay + " and " + maxDelay);
        }
        this.maxAttempts = maxAttempts;
        this.baseMillis = baseDelay.toMillis();
        this.maxMillis = maxDelay.toMillis();
        this.maxRetryAfterMillis = maxRetryAfter.toMillis();
        this.sleeper = sleeper;
        this.random = random;
    }

    /** Defaults (6 attempts, 0.5 s base, 30 s cap, Retry-After up to 5 min) with real sleeping. */
    public static RetryPolicy defaults(RandomGenerator random) {
        return new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_BASE_DELAY, DEFAULT_MAX_DELAY, DEFAULT_MAX_RETRY_AFTER,
                Sleeper.system(), random);
    }

    public int maxAttempts() { return maxAttempts; }

    public <T> T call(Supplier<T> op) {
        return call(op, (n, e, d) -> { });
    }

    /**
     * Runs {@code op} until it succeeds, fails with a non-retriable error, or has failed {@code maxAttempts} times
     * (then the last error is thrown).
     *
     * @throws CancellationException when interrupted while waiting (the interrupt flag is restored)
     */
    public <T> T call(Supplier<T> op, Listener listener) {
        for (int attempt = 1; ; attempt++) {
            try {
                return op.get();
            } catch (ModelException e) {
                if (!e.retriable() || attempt >= maxAttempts) throw e;
                if (e.retryAfterMillis() != null && e.retryAfterMillis() > maxRetryAfterMillis) throw e;
                long delay = delayMillis(attempt, e);
                listener.retrying(attempt, e, delay);
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    CancellationException c = new CancellationException("interrupted while waiting to retry");
                    c.initCause(e);
                    throw c;
                }
            }
        }
    }

    /** The wait before retry number {@code failedAttempts} (1-based) after {@code error}; draws one random number. */
    public long delayMillis(int failedAttempts, ModelException error) {
        long cap = baseMillis;
        for (int i = 1; i < failedAttempts && cap < maxMillis; i++) cap *= 2;
        cap = Math.min(cap, maxMillis);
        long jittered = (long) (random.nextDouble() * (cap + 1)); // uniform over 0..cap ms
        Long after = error.retryAfterMillis();
        return after == null ? jittered : Math.max(jittered, after);
    }
}
