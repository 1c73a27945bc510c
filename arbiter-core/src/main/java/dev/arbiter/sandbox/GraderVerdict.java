package dev.arbiter.sandbox;

/**
 * What the trusted grader process decided (snake_case on the wire, inside {@link LauncherReport}).
 *
 * @param status "passed" (the test ran to its end), "failed" (it raised, or the candidate broke the channel) or
 *               "error" (the benchmark's own test code could not run: not the candidate's doing)
 * @param detail one line saying why, e.g. the failing assertion of the test or the non-plain type returned
 */
record GraderVerdict(String status, String detail) {}
