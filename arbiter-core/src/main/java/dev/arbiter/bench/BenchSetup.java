package dev.arbiter.bench;

import dev.arbiter.client.Endpoint;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a bench run needs besides the clock and the store.
 *
 * @param forceOutput   ask the server for exactly the output length (min_tokens / ignore_eos / n_predict)
 * @param sampleMetrics scrape the server's /metrics during each level when it has one
 * @param outDir        where requests.jsonl / requests.csv go; null: {@code runsRoot/RUN_ID}
 * @param settings      the options as given, kept in the record
 */
public record BenchSetup(Endpoint endpoint, BenchPlan plan, Workload workload, boolean forceOutput, Double temperature,
                         boolean sampleMetrics, String catalogModel, String proposedCatalogModel, String quant,
                         String hardware, int gpus, Path runsRoot, Path outDir, Map<String, Object> settings) {
    public BenchSetup {
        if (endpoint == null || plan == null || workload == null) throw new IllegalArgumentException("endpoint, plan and workload are required");
        if (gpus < 1) throw new IllegalArgumentException("--gpus must be >= 1");
        // values may be null (an option not given): kept as null rather than rejected
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }
}
