package dev.arbiter.cli;

/** Arbiter's exit codes; the only place they are spelled. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    /** Bad usage or bad input (a flag, a file, a row). */
    public static final int BAD_INPUT = 2;
    /** A file or endpoint is unavailable. */
    public static final int UNAVAILABLE = 3;

    private ExitCode() {}
}
