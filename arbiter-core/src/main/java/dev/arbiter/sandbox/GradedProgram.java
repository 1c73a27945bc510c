package dev.arbiter.sandbox;

/**
 * An untrusted program and the trusted test that grades it, run as two processes that share nothing but a channel
 * of plain data (None, bool, int, float, str, bytes, list, tuple, dict, set, frozenset). The candidate's program
 * runs in the sandbox as {@link Sandbox#run} would run it; the test runs in a separate grader process with
 * {@code candidate} (and {@code entryPoint}) bound to a proxy: each call sends its arguments to the candidate's
 * process, which calls {@code entryPoint} there and sends back the return value. Only the grader decides the
 * outcome: PASSED when the test ran to its end, whatever the candidate printed, exited with or left in files.
 *
 * @param candidate  the untrusted source, e.g. prompt + model completion; it never sees {@code prelude} or
 *                   {@code test}
 * @param entryPoint the function of {@code candidate} the proxy calls; a Python identifier
 * @param prelude    trusted code the test needs before it runs (e.g. the helper functions of a HumanEval prompt);
 *                   executed in the grader only
 * @param test       trusted code that calls {@code candidate(...)} and raises on a wrong answer, e.g. HumanEval's
 *                   {@code def check(candidate): ...} followed by {@code check(candidate)}
 */
public record GradedProgram(String candidate, String entryPoint, String prelude, String test) {
    public GradedProgram {
        if (candidate == null) throw new IllegalArgumentException("candidate is required");
        if (entryPoint == null || !entryPoint.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("entry_point must be a Python identifier, got " + entryPoint);
        }
        prelude = prelude == null ? "" : prelude;
        if (test == null || test.isBlank()) throw new IllegalArgumentException("test is required");
    }
}
