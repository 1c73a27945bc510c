package dev.arbiter.bench;

import dev.arbiter.evidence.Evidence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The stored record of a bench run, and the body of {@code bench --format json}.
 *
 * @param status   completed, interrupted (Ctrl-C: the levels hold what was measured) or failed (nothing completed)
 * @param settings the options the run was made with (load shape, bounds, workload, seed)
 * @param inputCheck exact prompt lengths from the server's /tokenize for a few prompts, or null when it has none
 * @param sloSearch the highest rate that met the SLO, when the run searched for it; else null
 * @param files    where the per-request JSONL and CSV are, or null when not written
 */
public record BenchRecord(int schemaVersion, String runId, String status, Instant startedAt, Instant endedAt,
                          String endpoint, String api, String servedModel, String workload, Map<String, Object> settings,
                          InputCheck inputCheck, List<LevelResult> levels, SloSearchResult sloSearch, Evidence evidence,
                          Map<String, String> files, List<String> warnings) {
    public static final int SCHEMA_VERSION = 1;

    public BenchRecord {
        levels = List.copyOf(levels);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
