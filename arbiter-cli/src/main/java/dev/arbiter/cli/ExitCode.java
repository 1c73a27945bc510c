package dev.arbiter.cli;

/** Arbiter's exit codes; the only place they are spelled. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    /** Bad usage or bad input (a flag, a file, a row). */
    public static final int BAD_INPUT = 2;
    /** A file or endpoint is unavailable. */
    public static final int UNAVAILABLE = 3;
    /**
     * An eval ran to its end but some samples have no answer after their retries (transport or server failures):
     * the scores cover fewer samples than asked, and {@code --resume RUN_ID} asks for the missing ones. Samples
     * that ended in a defined outcome (context overflow, truncation, unscored by a rule) are results, not errors.
     */
    public static final int COMPLETED_WITH_SAMPLE_ERRORS = 4;
    /** Stopped with Ctrl-C (128 + SIGINT, as shells report it); the answers so far are kept. */
    public static final int INTERRUPTED = 130;
    /**
     * Stopped with SIGTERM (docker stop, kubectl delete, a scheduler's preemption): stored as interrupted like Ctrl-C,
     * the answers so far kept. Not returned by a command: the JVM exits 128 + 15 itself once the shutdown hook has
     * stored the run (forcing 130 would mean halting it from the hook), and 143 is what orchestrators read as
     * "terminated".
     */
    public static final int TERMINATED = 143;

    private ExitCode() {}

    /** The {@code error.kind} a JSON error document carries for each failing exit code. */
    static String errorKind(int code) {
        return switch (code) {
            case BAD_INPUT -> "bad_input";
            case UNAVAILABLE -> "unavailable";
            case COMPLETED_WITH_SAMPLE_ERRORS -> "sample_errors";
            case INTERRUPTED, TERMINATED -> "interrupted";
            default -> "internal";
        };
    }
}
