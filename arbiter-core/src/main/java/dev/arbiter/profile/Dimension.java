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
        benchmarks = benchmarks == null ? Map.of() : Map.copyOf(benchmarks);
    }
}
