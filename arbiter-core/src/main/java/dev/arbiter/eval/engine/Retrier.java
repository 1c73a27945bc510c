package dev.arbiter.eval.engine;

/**
 * The engine's retry call site: runs one model call until it succeeds, fails with a non-retriable error, or runs
 * out of retries (then the last error is thrown). Each try is counted through {@code onAttempt}.
 */
interface Retrier {
    <T> T call(Attempt<T> attempt, Runnable onAttempt) throws InterruptedException;

    /** One try: may throw a ModelException. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws InterruptedException;
    }
}
