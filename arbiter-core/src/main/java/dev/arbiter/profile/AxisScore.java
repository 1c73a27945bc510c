package dev.arbiter.profile;

import dev.arbiter.catalog.ScoreClaim;

import java.util.List;

/**
 * A model's value on one axis.
 *
 * @param value 0..1, or null when no published figure exists (shown as missing, never as 0)
 * @param basis the published claims the value was computed from
 * @param note  how the value was obtained, for people
 */
public record AxisScore(String dimension, Double value, List<ScoreClaim> basis, String note) {
    public AxisScore {
        basis = basis == null ? List.of() : List.copyOf(basis);
        if (value != null && (value < 0 || value > 1.0001)) {
            throw new IllegalArgumentException("axis " + dimension + " value must be within 0..1, got " + value);
        }
    }

    public boolean missing() { return value == null; }
}
