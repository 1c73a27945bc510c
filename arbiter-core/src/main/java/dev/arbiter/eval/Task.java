package dev.arbiter.eval;

import dev.arbiter.client.GenerationConfig;

import java.util.List;

/**
 * An evaluation as a value (Inspect's Task): dataset + solver + scorer + metrics, named and versioned so a stored
 * result says exactly what produced it. Bump {@code version} whenever prompts, extraction or scoring change.
 */
public record Task(String name, int version, Dataset dataset, Solver solver, Scorer scorer, List<Metric> metrics,
                   GenerationConfig config) {
    public Task {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("task name is required");
        if (version <= 0) throw new IllegalArgumentException("task version must be > 0");
        metrics = List.copyOf(metrics);
        config = config == null ? GenerationConfig.DEFAULT : config;
    }
}
