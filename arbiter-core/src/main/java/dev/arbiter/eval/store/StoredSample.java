package dev.arbiter.eval.store;

/**
 * One row of {@code samples}: one answer (sample × epoch) of one run.
 *
 * @param record the sample record JSON, exactly as appended to the run's JSONL log
 * @param score  the score value, null when unscored
 * @param status scored, unscored or error (errors are re-run on resume)
 */
public record StoredSample(String runId, String task, String sampleId, int epoch, String record, Double score,
                           String status) {
    public StoredSample {
        if (runId == null || runId.isBlank()) throw new IllegalArgumentException("run_id is required");
        if (sampleId == null || sampleId.isBlank()) throw new IllegalArgumentException("sample_id is required");
        if (epoch < 0) throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        if (record == null) throw new IllegalArgumentException("record is required");
        if (status == null || status.isBlank()) throw new IllegalArgumentException("status is required");
    }
}
