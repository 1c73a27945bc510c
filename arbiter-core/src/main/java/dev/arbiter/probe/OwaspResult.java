package dev.arbiter.probe;

import dev.arbiter.eval.engine.MetricSummary;

import java.util.List;

/** Attack attempts of every probe tagged with one OWASP LLM Top 10 2025 id (a probe with two ids counts in both). */
public record OwaspResult(String id, List<String> categories, int attempts, int hits, int unscored, MetricSummary asr) {
    public OwaspResult {
        categories = List.copyOf(categories);
    }
}
