package dev.arbiter.eval.engine;

import java.util.List;

/**
 * The versioned result of a run: what every view (CLI text and JSON, report, web) renders. Written as
 * {@code run.json} in the run's directory and stored in the {@code runs} table when the run ends.
 *
 * @param schemaVersion bumped when a field changes meaning or is removed (adding one does not)
 * @param log           path of the JSONL sample log
 * @param error         why the run failed, null otherwise
 */
public record RunRecord(int schemaVersion, String runId, RunStatus status, RunManifest manifest, List<TaskResult> tasks,
                        String log, RunError error) {
    public static final int SCHEMA_VERSION = 1;

    public RunRecord {
        if (runId == null || runId.isBlank()) throw new IllegalArgumentException("run_id is required");
        if (status == null) throw new IllegalArgumentException("status is required");
        if (manifest == null) throw new IllegalArgumentException("manifest is required");
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        if (status == RunStatus.failed && error == null) throw new IllegalArgumentException("a failed run needs its error");
    }
}
