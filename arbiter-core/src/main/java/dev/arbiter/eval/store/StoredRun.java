package dev.arbiter.eval.store;

import java.time.Instant;

/**
 * One row of {@code runs}: the columns the run list shows plus the manifest and (once the run ended) the run record,
 * both as JSON owned by the engine.
 *
 * @param settingsKey hash of everything that makes two runs the same experiment (task, model, endpoint, settings,
 *                    dataset sha); an incomplete run with the same key is resumed
 * @param planned     sample×epoch answers the run intends to collect
 * @param done        answers stored so far (errors included)
 * @param score       the first metric's value once the run ended, else null
 * @param record      the final run record JSON, null while running (or after kill -9)
 */
public record StoredRun(String runId, String task, String model, String endpoint, String settingsKey, String status,
                        Instant startedAt, Instant endedAt, int planned, int done, Double score, String manifest,
                        String record) {
    public StoredRun {
        if (runId == null || runId.isBlank()) throw new IllegalArgumentException("run_id is required");
        if (task == null || task.isBlank()) throw new IllegalArgumentException("task is required");
        if (status == null || status.isBlank()) throw new IllegalArgumentException("status is required");
        if (startedAt == null) throw new IllegalArgumentException("started_at is required");
        if (manifest == null) throw new IllegalArgumentException("manifest is required");
    }
}
