package dev.arbiter.eval.engine;

/**
 * A snapshot of a run in progress, for progress bars.
 *
 * @param total         answers planned (samples × epochs)
 * @param done          answers stored, including those from before a resume
 * @param resumed       answers that were already stored when this session started
 * @param scored        answers with a score so far
 * @param errors        answers that failed so far
 * @param runningMean   plain mean of the scores so far (not clustered), NaN before the first
 * @param elapsedNanos  time since this session started (injected ticker)
 */
public record Progress(String runId, String task, int total, int done, int resumed, int scored, int errors,
                       double runningMean, long elapsedNanos) {
    /** Answers collected in this session (what a rate should be computed from). */
    public int doneThisSession() { return done - resumed; }
}
