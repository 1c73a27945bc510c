package dev.arbiter.util;

/**
 * A monotonic nanosecond clock, injected wherever time is measured so tests can step it and assert exact numbers.
 * Only differences between two readings mean anything.
 */
@FunctionalInterface
public interface Ticker {
    long nanos();

    /** {@link System#nanoTime()}. */
    static Ticker system() {
        return System::nanoTime;
    }
}
