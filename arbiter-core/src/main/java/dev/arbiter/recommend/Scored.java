package dev.arbiter.recommend;

import dev.arbiter.catalog.Model;
import dev.arbiter.eval.stats.Distributions;
import dev.arbiter.profile.Dimensions;
import dev.arbiter.score.AxisEstimate;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One model at one quantisation, with everything its score is made of.
 *
 * @param quality     the use case's quality axes (hardware-independent)
 * @param weights     axis → weight, only the axes that count (efficiency is absent when the speed is unknown)
 * @param keep        assumed share of quality kept by the quantisation (scoring/quant-retention.yaml)
 * @param tokensPerS  decode speed, measured or estimated, or null when unknown
 * @param speedSd     uncertainty of the speed, sd of its natural log
 * @param speedBasis  measured, estimated or unknown
 * @param alsoCovers  older catalogue entries with the very same figures, ranked as this one
 * @param cost        what serving it costs, or null when the hardware has no price
 * @param costAxis    the efficiency axis scores {@code cost} per 1M output tokens instead of {@code tokensPerS} (--optimise cost)
 */
record Scored(Model model, FitOutcome fit, FitOutcome mostPrecise, Map<String, AxisEstimate> quality,
              Map<String, Double> weights, double keep, Double tokensPerS, double speedSd, String speedBasis,
              List<String> alsoCovers, CostFigure cost, boolean costAxis) {
    Scored(Model model, FitOutcome fit, FitOutcome mostPrecise, Map<String, AxisEstimate> quality, Map<String, Double> weights,
           double keep, Double tokensPerS, double speedSd, String speedBasis, List<String> alsoCovers) {
        this(model, fit, mostPrecise, quality, weights, keep, tokensPerS, speedSd, speedBasis, alsoCovers, null, false);
    }


    /** Decode speed that earns full marks on the efficiency axis: faster than people read a streamed answer. */
    static final double FULL_SPEED_TOKENS_PER_S = 30.0;

    /** 0–100 from tokens/s on a log scale: 30 tok/s or more = 100. */
    static double efficiency(double tokensPerS) {
        return 100 * Math.min(1.0, Math.log1p(Math.max(0, tokensPerS)) / Math.log1p(FULL_SPEED_TOKENS_PER_S));
    }

    /**
     * Cost per 1M output tokens (USD) that earns full marks, and the cost that earns none, on the efficiency axis under
     * --optimise cost. 0.10 USD is what hosted APIs charge for small open models; 30 USD is a large model served one
     * stream at a time on rented GPUs. Log scale between, so each halving of the cost earns the same points.
     */
    static final double FULL_MARKS_USD_PER_MILLION = 0.10;
    static final double NO_MARKS_USD_PER_MILLION = 30.0;

    /** 0–100 from the cost of 1M output tokens in USD, on a log scale. */
    static double costEfficiency(double usdPerMillion) {
        double v = Math.log(NO_MARKS_USD_PER_MILLION / usdPerMillion) / Math.log(NO_MARKS_USD_PER_MILLION / FULL_MARKS_USD_PER_MILLION);
        return 100 * Math.max(0, Math.min(1, v));
    }

    /** The efficiency axis with its throughput moved z standard deviations (cost moves the other way: it is hourly price over throughput). */
    double efficiencyAt(double z) {
        double factor = Math.exp(z * speedSd);
        if (costAxis && cost != null) return costEfficiency(cost.perMillionOutputUsd() / factor);
        return efficiency(tokensPerS * factor);
    }

    double totalWeight() { return weights.values().stream().mapToDouble(Double::doubleValue).sum(); }

    /** The axis's point value as it enters the score (quality after the quantisation's retention). */
    double axis(String axis) {
        if (axis.equals(Dimensions.EFFICIENCY)) return efficiencyAt(0);
        return quality.get(axis).score() * keep;
    }

    double point() {
        double sum = 0;
        for (var e : weights.entrySet()) sum += e.getValue() * axis(e.getKey());
        return sum / totalWeight();
    }

    /** This score laid out for Monte Carlo draws ({@link Draws}). */
    Draws draws() {
        return new Draws(this);
    }

    /**
     * Draws of the score, every axis from its own distribution, independently, in the weights' order: one random
     * normal per axis a draw, none for an axis known to be absent. The axes are read into arrays once, not walked in
     * the weights map and looked up in the quality map for every axis of every draw (recommend draws 2,000 times per
     * model; the walk and lookups were a third of it); the same seed gives the same draws, digit for digit.
     */
    static final class Draws {
        private final Scored scored;
        private final double[] weight;
        private final boolean[] efficiency;
        private final boolean[] absent;
        private final double[] z;
        private final double[] sd;
        private final double totalWeight;

        private Draws(Scored s) {
            scored = s;
            int n = s.weights.size();
            weight = new double[n];
            efficiency = new boolean[n];
            absent = new boolean[n];
            z = new double[n];
            sd = new double[n];
            int k = 0;
            for (var e : s.weights.entrySet()) {
                weight[k] = e.getValue();
                if (e.getKey().equals(Dimensions.EFFICIENCY)) {
                    efficiency[k] = true;
                } else {
                    AxisEstimate a = s.quality.get(e.getKey());
                    absent[k] = a.knownAbsent();
                    z[k] = a.z();
                    sd[k] = a.sd();
                }
                k++;
            }
            totalWeight = s.totalWeight();
        }

        /** One draw of the score. */
        double next(Random rnd) {
            double sum = 0;
            for (int k = 0; k < weight.length; k++) {
                double v;
                if (efficiency[k]) {
                    v = scored.efficiencyAt(rnd.nextGaussian());
                } else {
                    v = absent[k] ? 0 : 100 * Distributions.normalCdf(z[k] + sd[k] * rnd.nextGaussian()) * scored.keep;
                }
                sum += weight[k] * v;
            }
            return sum / totalWeight;
        }
    }

    Scored withAlsoCovers(List<String> ids) {
        return new Scored(model, fit, mostPrecise, quality, weights, keep, tokensPerS, speedSd, speedBasis, List.copyOf(ids), cost, costAxis);
    }
}
