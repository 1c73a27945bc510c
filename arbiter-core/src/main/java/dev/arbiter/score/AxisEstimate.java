package dev.arbiter.score;

import dev.arbiter.eval.stats.Distributions;

import java.util.List;

/**
 * A model's value on one quality axis: a standard score against the catalogue with its uncertainty, shown as the
 * catalogue percentile 0–100 with a 90% interval.
 *
 * @param z        posterior mean, in standard deviations of the catalogue (0 = a typical catalogue model)
 * @param sd       posterior standard deviation, in the same unit; 0 for a known absence
 * @param coverage share of the axis's benchmark weight backed by a measured or published figure, 0..1
 * @param basis    measured, published, estimated (from the model's other axes) or none
 * @param evidence the figures used, empty for an estimate
 * @param note     how the value was obtained, for people
 */
public record AxisEstimate(String axis, double z, double sd, double coverage, EvidenceKind basis,
                           List<Evidence> evidence, String note) {
    /** Two-sided 90% interval: z ± 1.645 sd. */
    public static final double Z90 = 1.6448536269514722;

    public AxisEstimate {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        if (sd < 0 || Double.isNaN(sd)) throw new IllegalArgumentException("axis " + axis + ": sd must be >= 0, got " + sd);
        if (coverage < 0 || coverage > 1.0001) throw new IllegalArgumentException("axis " + axis + ": coverage must be within 0..1, got " + coverage);
    }

    /** A known zero, not a missing figure (a text-only model on the multimodality axis). */
    public static AxisEstimate absent(String axis, String note) {
        return new AxisEstimate(axis, Double.NEGATIVE_INFINITY, 0, 1, EvidenceKind.PUBLISHED, List.of(), note);
    }

    public boolean knownAbsent() { return z == Double.NEGATIVE_INFINITY; }

    /**
     * Expected catalogue percentile, 0–100: the mean of Φ(Z) over the posterior Z ~ N(z, sd²), which is
     * Φ(z / sqrt(1 + sd²)). The Monte Carlo draws average to it, so a score and its interval agree; less evidence
     * pulls it towards 50.
     */
    public double score() { return knownAbsent() ? 0 : percentile(z / Math.sqrt(1 + sd * sd)); }
    public double low() { return percentile(z - Z90 * sd); }
    public double high() { return percentile(z + Z90 * sd); }

    public static double percentile(double z) {
        return z == Double.NEGATIVE_INFINITY ? 0 : 100 * Distributions.normalCdf(z);
    }
}
