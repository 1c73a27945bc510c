package dev.arbiter.sandbox;

import java.util.Locale;

/**
 * What happened to one program: the fixed vocabulary every report uses. Only {@link #SANDBOX_ERROR} is not the
 * program's doing (the sandbox could not be set up or did not report); scorers leave such samples unscored.
 */
public enum Outcome {
    /** Exited with status 0 (a benchmark may demand more, e.g. that its check ran to the end). */
    PASSED,
    /** Exited non-zero, died of a signal, or exceeded the output cap. */
    FAILED,
    /** Killed at the wall-clock timeout, or by its CPU-time limit. */
    TIMED_OUT,
    /** The sandbox itself failed; says nothing about the program. */
    SANDBOX_ERROR;

    /** Lower-case name for logs and JSON: {@code passed}, {@code failed}, {@code timed_out}, {@code sandbox_error}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
