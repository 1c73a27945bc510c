package dev.arbiter.eval.store;

/** A held {@link RunLock}: the run is this process's to write until {@link #close()}. */
public interface RunLease extends AutoCloseable {
    String runId();

    /** Releases the run; idempotent, never throws. */
    @Override
    void close();
}
