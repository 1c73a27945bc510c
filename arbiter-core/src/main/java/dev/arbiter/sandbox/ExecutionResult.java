package dev.arbiter.sandbox;

/**
 * The record of one sandboxed run.
 *
 * @param exitCode        the program's exit status, or null when it died of a signal or never ran
 * @param signal          the signal that ended it (9 = killed by the sandbox or a hard limit, 24 = CPU limit), or null
 * @param stdout          at most the output cap, decoded as UTF-8 (bad bytes replaced)
 * @param stderr          same for stderr
 * @param outputTruncated true when either stream was cut at the cap (a plain run was then killed; a graded run's
 *                        candidate kept running, the rest of its output discarded)
 * @param detail          one line saying why this outcome, for logs and reports
 * @param wallMillis      wall-clock time the launcher spent on the program, ms
 * @param cpuMillis       user + system CPU time of the program's main process, ms
 */
public record ExecutionResult(Outcome outcome, Integer exitCode, Integer signal, String stdout, String stderr,
                              boolean outputTruncated, String detail, long wallMillis, long cpuMillis) {
    public ExecutionResult {
        if (outcome == null) throw new IllegalArgumentException("outcome is required");
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
        detail = detail == null ? "" : detail;
    }

    static ExecutionResult sandboxError(String detail) {
        return new ExecutionResult(Outcome.SANDBOX_ERROR, null, null, "", "", false, detail, 0, 0);
    }

    /** The same run judged differently, e.g. a benchmark that found its check did not complete. */
    public ExecutionResult withOutcome(Outcome o, String why) {
        return new ExecutionResult(o, exitCode, signal, stdout, stderr, outputTruncated, why, wallMillis, cpuMillis);
    }
}
