package dev.arbiter.eval.store;

/**
 * One writer per run. A resume (or a second process started on the same run) must hold the run's lease before it
 * asks the model or writes an answer; a second writer would ask every missing sample twice and interleave the log.
 * Implementations: {@link FileRunLock} for the SQLite store (an OS file lock beside it, released by the kernel when
 * the holder dies, even by SIGKILL); a shared PostgreSQL store would use {@code pg_try_advisory_lock} on a hash of
 * the run id, held by the session for the lease's lifetime.
 */
public interface RunLock {
    /**
     * Takes the run for this process.
     *
     * @throws dev.arbiter.error.UnavailableException naming the holder (pid, host, since when) when another writer
     *         has it
     */
    RunLease acquire(String runId);

    /**
     * Whether a process holds the run now: what tells a run stored as {@code running} that is being written from one
     * whose writer died (kill -9, a lost machine) and left the status behind. Read-only: it never records anything,
     * and a writer that asks for the run at the same moment still gets it.
     */
    boolean held(String runId);
}
