package dev.arbiter.eval;

/**
 * A metric's value with its standard error and 95% confidence interval (null where they do not apply).
 *
 * @param n number of values the metric was computed from
 */
public record MetricValue(String name, double value, Double stderr, Double ciLow, Double ciHigh, int n) {}
