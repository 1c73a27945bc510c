package dev.arbiter.eval.engine;

/**
 * Told about a run as it goes; the engine itself never prints. Calls come from worker threads but never
 * overlap (the engine serialises them), so an implementation need not be thread-safe. Must be quick.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {};

    /** An incomplete run with the same settings (or the one named by --resume) is continued. */
    default void resuming(String runId, int alreadyDone, int total) {}

    default void started(Progress p) {}

    default void sampleDone(SampleRecord r, Progress p) {}

    default void finished(RunRecord r) {}
}
