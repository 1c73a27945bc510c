package dev.arbiter.cost;

import java.util.List;

/**
 * What serving one model on the deployment costs. Money is in the request's currency; token rates are output tokens.
 *
 * @param model                      catalogue id
 * @param quant                      weight quantisation
 * @param runtime                    serving engine
 * @param fits                       whether it fits resident at the workload's final length
 * @param reason                     why there is no cost when it does not fit, else null
 * @param throughput                 the batched estimate (kept beside a measurement, for comparison), or null
 * @param throughputSource           estimated or measured
 * @param measured                   the bench run the throughput comes from, or null
 * @param outputTokensPerS           output tokens/s of one deployment at the concurrency
 * @param perMillionInput            GPU time of 1M prompt tokens (prefill), or null when measured (then inside the output
 *                                   figure) or unknown (no TFLOPS figure)
 * @param perMillionOutput           GPU time of 1M output tokens (decode at the concurrency's batch)
 * @param perMillionOutputAllIn      the deployment's hourly cost over its output tokens: prefill of the workload's prompts included
 * @param deploymentPerHour          all its GPUs, per hour
 * @param perMonth                   a deployment's month, always on (730 h)
 * @param volume                     cost of the --tokens-per-month volume, or null
 * @param target                     deployments for the --target-tokens-per-second, or null
 * @param basis                      every figure with where it comes from
 * @param quantChoice                why this quantisation, when it was chosen rather than given (see
 *                                   {@link CostCalculator#chooseQuant}); null when given
 */
public record ModelCost(String model, String quant, String runtime, boolean fits, String reason, ThroughputEstimate throughput,
                        String throughputSource, MeasuredThroughput measured, Double outputTokensPerS, Double perMillionInput,
                        Double perMillionOutput, Double perMillionOutputAllIn, Double deploymentPerHour, Double perMonth,
                        Volume volume, Target target, List<String> basis, String quantChoice) {
    public ModelCost {
        basis = basis instanceof dev.arbiter.util.LazyList<String> ? basis : List.copyOf(basis);  // formatted when read
    }

    /** The cost with no quantisation choice to explain (the quantisation was given). */
    public ModelCost(String model, String quant, String runtime, boolean fits, String reason, ThroughputEstimate throughput,
                     String throughputSource, MeasuredThroughput measured, Double outputTokensPerS, Double perMillionInput,
                     Double perMillionOutput, Double perMillionOutputAllIn, Double deploymentPerHour, Double perMonth,
                     Volume volume, Target target, List<String> basis) {
        this(model, quant, runtime, fits, reason, throughput, throughputSource, measured, outputTokensPerS, perMillionInput,
                perMillionOutput, perMillionOutputAllIn, deploymentPerHour, perMonth, volume, target, basis, null);
    }

    /** The same cost, saying why its quantisation was chosen. */
    public ModelCost withQuantChoice(String why) {
        return new ModelCost(model, quant, runtime, fits, reason, throughput, throughputSource, measured, outputTokensPerS, perMillionInput,
                perMillionOutput, perMillionOutputAllIn, deploymentPerHour, perMonth, volume, target, basis, why);
    }

    /**
     * A monthly volume of output tokens.
     *
     * @param outputTokensPerMonth the volume
     * @param deployments          deployments needed to serve it at the throughput (each always on)
     * @param gpus                 their GPUs
     * @param alwaysOn             those deployments for a month
     * @param packed               the tokens alone at the all-in rate, as if the GPUs were shared and fully used
     */
    public record Volume(long outputTokensPerMonth, long deployments, long gpus, double alwaysOn, double packed) {}

    /**
     * Hardware for a target output throughput.
     *
     * @param outputTokensPerS the target
     * @param deployments      deployments needed
     * @param gpus             their GPUs
     * @param perMonth         their cost for a month, always on
     */
    public record Target(double outputTokensPerS, long deployments, long gpus, double perMonth) {}
}
