package dev.arbiter.profile;

import java.util.Map;

/**
 * One axis of the radar and of recommendation scores.
 *
 * @param benchmarks benchmark id → weight within this axis; empty for computed axes (efficiency)
 */
public record Dimension(String id, String label, Map<String, Double> benchmarks) {
    public Dimension {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("dimension id is required");
        // File order, so the weighted sum adds up the same way on every run.
        benchmarks = benchmarks == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(benchmarks));
    }
}
