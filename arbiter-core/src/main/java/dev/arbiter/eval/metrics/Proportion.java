package dev.arbiter.eval.metrics;

/**
 * Marks a metric whose per-sample values are proportions in [0, 1] (pass/fail, fraction of epochs passed), so a
 * Wilson interval is meaningful next to the normal one.
 */
public interface Proportion {}
