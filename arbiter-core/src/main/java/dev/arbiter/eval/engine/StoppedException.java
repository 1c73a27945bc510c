package dev.arbiter.eval.engine;

/** Thrown inside a worker when the run is being stopped; the answer in progress is dropped, not recorded. */
final class StoppedException extends RuntimeException {
    StoppedException() {
        super("run stopped", null, false, false);
    }
}
