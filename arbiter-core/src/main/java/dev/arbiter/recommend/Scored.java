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

    /** One Monte Carlo draw of the score, every axis from its own distribution, independently;
     * {@code totalWeight} is {@link #totalWeight()}, kept by the caller across its draws. */
    double draw(Random rnd, double totalWeight) {
        double sum = 0;
        for (var e : weights.entrySet()) {
            double v;
            if (e.getKey().equals(Dimensions.EFFICIENCY)) {
                v = efficiencyAt(rnd.nextGaussian());
            } else {
                AxisEstimate a = quality.get(e.getKey());
                v = a.knownAbsent() ? 0 : 100 * Distributions.normalCdf(a.z() + a.sd() * rnd.nextGaussian()) * keep;
            }
            sum += e.getValue() * v;
        }
        return sum / totalWeight;
    }

    Scored withAlsoCovers(List<String> ids) {
        return new Scored(model, fit, mostPrecise, quality, weights, keep, tokensPerS, speedSd, speedBasis, List.copyOf(ids), cost, costAxis);
    }
}
