package dev.arbiter.cli;

import dev.arbiter.eval.engine.SampleRecord;

import java.util.List;
import java.util.Set;

/** Which answerless samples make a completed run exit {@link ExitCode#COMPLETED_WITH_SAMPLE_ERRORS}. */
final class SampleErrors {
    /**
     * Error kinds that are a defined outcome of the sample itself, not a failure of the run: the prompt did not
     * fit the served context, or the answer was cut at its limit. (The outcome vocabulary is owned by the servers
     * work, issue 11; these are the names it uses and the one in use today.)
     */
    static final Set<String> DEFINED_OUTCOMES = Set.of("context_exceeded", "context_overflow", "truncated");

    private SampleErrors() {}

    /** Samples with no answer after their retries for a reason that is not a defined outcome. */
    static long count(List<SampleRecord> samples) {
        return samples.stream()
                .filter(s -> SampleRecord.ERROR.equals(s.status()))
                .filter(s -> s.error() == null || !DEFINED_OUTCOMES.contains(s.error().kind()))
                .count();
    }
}
