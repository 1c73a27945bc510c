package dev.arbiter.report;

import java.time.Instant;

/**
 * One run of a report, as the run list and the manifests section show it.
 *
 * @param kind         eval, probe or bench
 * @param model        the served model name the run called
 * @param catalogModel the catalogue id it was read as (given with --model RUN=ID, else proposed from the served name),
 *                     or null when none matches
 * @param headline     the run's first metric (eval and probe), null for bench or when nothing was scored
 * @param manifest     what exactly was run, on what, when: the eval manifest, or the bench record without its levels
 */
public record ReportRun(String runId, String kind, String task, String model, String catalogModel, String status,
                        Instant startedAt, Instant endedAt, Double headline, Object manifest) {
    public static final String EVAL = "eval";
    public static final String PROBE = "probe";
    public static final String BENCH = "bench";

    public ReportRun {
        if (runId == null || runId.isBlank()) throw new IllegalArgumentException("run_id is required");
        if (!EVAL.equals(kind) && !PROBE.equals(kind) && !BENCH.equals(kind)) {
            throw new IllegalArgumentException("kind must be eval, probe or bench, got " + kind);
        }
    }
}
