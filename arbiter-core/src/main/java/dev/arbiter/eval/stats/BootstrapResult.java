package dev.arbiter.eval.stats;

/**
 * A paired bootstrap of the mean difference.
 *
 * @param meanDifference the observed mean of (A − B) over the pairs
 * @param ciLow          2.5th percentile of the resampled means
 * @param ciHigh         97.5th percentile of the resampled means
 * @param pValue         two-sided, from the resampled means shifted to centre on 0
 */
public record BootstrapResult(double meanDifference, double ciLow, double ciHigh, double pValue, int resamples) {}
