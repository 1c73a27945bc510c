package dev.arbiter.sandbox;

/**
 * The JSON object launcher.py prints when it is done (snake_case on the wire).
 *
 * @param outputLimit "stdout" or "stderr" when that stream passed the cap (the program was killed), else null
 * @param stdoutBytes bytes the program wrote to stdout, counted up to the moment it was killed
 * @param error       why the sandbox could not run the program, or null
 * @param verdict      graded runs: the grader's decision, or null when it gave none (killed, timed out)
 * @param graderStderr graded runs: the grader's stderr (capped), for diagnosing the harness itself
 * @param graderSignal graded runs: the signal that ended the grader, or null
 */
record LauncherReport(Integer exitCode, Integer signal, boolean timedOut, boolean cpuLimit, String outputLimit,
                      String stdout, String stderr, long stdoutBytes, long stderrBytes, long cpuMs, long wallMs,
                      String error, GraderVerdict verdict, String graderStderr, Integer graderSignal) {
    /** A report of an ungraded run (tests build these by hand). */
    LauncherReport(Integer exitCode, Integer signal, boolean timedOut, boolean cpuLimit, String outputLimit,
                   String stdout, String stderr, long stdoutBytes, long stderrBytes, long cpuMs, long wallMs,
                   String error) {
        this(exitCode, signal, timedOut, cpuLimit, outputLimit, stdout, stderr, stdoutBytes, stderrBytes, cpuMs,
                wallMs, error, null, null, null);
    }
}
