package dev.arbiter.sandbox;

import java.time.Duration;
import java.util.Locale;

/** Turns the launcher's facts into an outcome; the only place that decides PASSED / FAILED / TIMED_OUT. */
final class OutcomeRules {
    static final int SIGKILL = 9;
    static final int SIGXCPU = 24;

    private OutcomeRules() {}

    static ExecutionResult judge(LauncherReport r, Duration timeout, int cpuSeconds, int outputCapBytes) {
        boolean truncated = r.outputLimit() != null;
        Outcome outcome;
        String detail;
        if (r.error() != null) {
            outcome = Outcome.SANDBOX_ERROR;
            detail = "sandbox: " + r.error();
        } else if (r.timedOut()) {
            outcome = Outcome.TIMED_OUT;
            detail = String.format(Locale.US, "killed at the %d ms wall-clock timeout", timeout.toMillis());
        } else if (r.cpuLimit()) {
            outcome = Outcome.TIMED_OUT;
            detail = String.format(Locale.US, "killed by its %d s CPU-time limit (signal %d)", cpuSeconds,
                    r.signal());
        } else if (truncated) {
            outcome = Outcome.FAILED;
            detail = String.format(Locale.US, "killed after writing more than %d bytes to %s", outputCapBytes,
                    r.outputLimit());
        } else if (r.signal() != null) {
            outcome = Outcome.FAILED;
            detail = "died of signal " + r.signal();
        } else if (r.exitCode() != null && r.exitCode() == 0) {
            outcome = Outcome.PASSED;
            detail = "exit code 0";
        } else if (r.exitCode() != null) {
            outcome = Outcome.FAILED;
            detail = "exit code " + r.exitCode();
        } else {
            outcome = Outcome.SANDBOX_ERROR;
            detail = "sandbox: launcher reported neither an exit code nor a signal";
        }
        return new ExecutionResult(outcome, r.exitCode(), r.signal(), r.stdout(), r.stderr(), truncated, detail,
                r.wallMs(), r.cpuMs());
    }

    /**
     * A graded run: only the grader's verdict can make it PASSED. The candidate's exit status and output are kept
     * for the record and decide nothing (output past the cap was discarded, the candidate not killed for it); without a verdict the run failed (or timed out, or the sandbox erred).
     */
    static ExecutionResult judgeGraded(LauncherReport r, Duration timeout, int cpuSeconds, int outputCapBytes) {
        ExecutionResult base = judge(r, timeout, cpuSeconds, outputCapBytes);
        GraderVerdict v = r.verdict();
        if (r.error() != null) return base;
        if (v != null && v.status().equals("passed")) return base.withOutcome(Outcome.PASSED, v.detail());
        if (v != null && v.status().equals("error")) {
            return base.withOutcome(Outcome.SANDBOX_ERROR, "grader: " + v.detail());
        }
        if (base.outcome() == Outcome.TIMED_OUT) return base;
        if (v != null) return base.withOutcome(Outcome.FAILED, v.detail());
        if (r.graderSignal() != null && r.graderSignal() == SIGXCPU) {
            return base.withOutcome(Outcome.TIMED_OUT, "the grader was killed by its CPU-time limit");
        }
        return base.withOutcome(Outcome.FAILED, "the grader gave no verdict"
                + (r.graderSignal() != null ? " (killed by signal " + r.graderSignal() + ")" : "")
                + (r.graderStderr() == null || r.graderStderr().isBlank() ? ""
                : ": " + tail(r.graderStderr().strip())));
    }

    private static String tail(String s) {
        return s.length() <= 500 ? s : "…" + s.substring(s.length() - 500);
    }
}
