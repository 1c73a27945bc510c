package dev.arbiter.eval.engine;

/** Waits; injected so rate-limit and retry delays can be asserted without waiting in tests. */
@FunctionalInterface
public interface Sleeper {
    void sleep(long nanos) throws InterruptedException;

    /** {@link Thread#sleep} with nanosecond resolution. */
    static Sleeper system() {
        return nanos -> {
            if (nanos > 0) Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        };
    }
}
