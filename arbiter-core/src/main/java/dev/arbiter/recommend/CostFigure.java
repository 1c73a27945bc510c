package dev.arbiter.recommend;

/**
 * What serving a model at one quantisation costs on the hardware being ranked for (from dev.arbiter.cost).
 *
 * @param perMillionOutput    all-in cost of 1M output tokens (the deployment's hour over its output tokens), in {@code currency}
 * @param perMillionOutputUsd the same in US dollars (the efficiency axis scores dollars, whatever the display currency)
 * @param perMonth            a month always on: one deployment, or the deployments a --tokens-per-month volume needs
 * @param deployments         deployments that month counts
 * @param source              estimated or measured
 * @param runId               the bench run when measured, else null
 * @param currency            ISO code of {@code perMillionOutput} and {@code perMonth}
 */
public record CostFigure(double perMillionOutput, double perMillionOutputUsd, double perMonth, long deployments, String source,
                         String runId, String currency) {}
