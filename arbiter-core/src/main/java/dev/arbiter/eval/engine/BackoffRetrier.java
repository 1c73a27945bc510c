package dev.arbiter.eval.engine;

import dev.arbiter.client.ModelException;

/**
 * Exponential backoff without jitter (deterministic for tests): waits base·2^k before retry k+1, capped, or the
 * server's Retry-After when it sent one (capped too, so a hostile header cannot park a worker for hours).
 */
final class BackoffRetrier implements Retrier {
    private final int maxRetries;
    private final long baseNanos;
    private final long capNanos;
    private final Sleeper sleeper;

    BackoffRetrier(int maxRetries, long baseNanos, long capNanos, Sleeper sleeper) {
        this.maxRetries = maxRetries;
        this.baseNanos = baseNanos;
        this.capNanos = capNanos;
        this.sleeper = sleeper;
    }

    /** 1 s doubling to 30 s; Retry-After honoured up to 120 s. */
    static BackoffRetrier standard(int maxRetries, Sleeper sleeper) {
        return new BackoffRetrier(maxRetries, 1_000_000_000L, 30_000_000_000L, sleeper);
    }

    @Override
    public <T> T call(Attempt<T> attempt, Runnable onAttempt) throws InterruptedException {
        for (int retry = 0; ; retry++) {
            onAttempt.run();
            try {
                return attempt.run();
            } catch (ModelException e) {
                if (!e.retriable() || retry >= maxRetries) throw e;
                sleeper.sleep(delayNanos(e, retry));
            }
        }
    }

    long delayNanos(ModelException e, int retry) {
        if (e.retryAfterMillis() != null && e.retryAfterMillis() >= 0) {
            return Math.min(e.retryAfterMillis() * 1_000_000L, 4 * capNanos);
        }
        long d = baseNanos << Math.min(retry, 20);
        return Math.min(d, capNanos);
    }
}
