package dev.arbiter.eval.engine;

import dev.arbiter.util.Ticker;

/**
 * Requests-per-minute cap as a token bucket holding at most one token: request k may start no earlier than
 * k · (60 s / rpm) after the first, so no minute ever sees more than {@code rpm} starts (plus the one that opens it).
 * Slots are reserved under the lock and waited for outside it, so waiting threads do not block each other.
 */
public final class RateLimiter {
    private final long intervalNanos;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private long nextFreeNanos;
    private boolean started;

    public RateLimiter(double requestsPerMinute, Ticker ticker, Sleeper sleeper) {
        if (!(requestsPerMinute > 0) || Double.isInfinite(requestsPerMinute)) {
            throw new IllegalArgumentException("requests per minute must be > 0, got " + requestsPerMinute);
        }
        this.intervalNanos = Math.max(1, Math.round(60e9 / requestsPerMinute));
        this.ticker = ticker;
        this.sleeper = sleeper;
    }

    /** Blocks until this caller may send a request. */
    public void acquire() throws InterruptedException {
        long wait = reserve();
        if (wait > 0) sleeper.sleep(wait);
    }

    /** Nanoseconds the caller must wait for its slot (0 when free now); the slot is taken. */
    synchronized long reserve() {
        long now = ticker.nanos();
        if (!started || nextFreeNanos - now < 0) {
            started = true;
            nextFreeNanos = now;
        }
        long wait = nextFreeNanos - now;
        nextFreeNanos += intervalNanos;
        return wait;
    }

    public long intervalNanos() { return intervalNanos; }
}
