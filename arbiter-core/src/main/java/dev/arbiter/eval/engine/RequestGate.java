package dev.arbiter.eval.engine;

import java.util.concurrent.Semaphore;

/**
 * What every request to the endpoint under test passes: the rate limiter (when set), then one of
 * {@code concurrency} permits, held only while the request is in flight (not during retry waits).
 */
final class RequestGate {
    private final Semaphore permits;
    private final RateLimiter limiter;

    RequestGate(int concurrency, RateLimiter limiter) {
        this.permits = new Semaphore(concurrency, true);
        this.limiter = limiter;
    }

    void enter() throws InterruptedException {
        if (limiter != null) limiter.acquire();
        permits.acquire();
    }

    void leave() {
        permits.release();
    }
}
