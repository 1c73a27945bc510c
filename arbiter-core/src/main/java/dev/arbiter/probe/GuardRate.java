package dev.arbiter.probe;

import dev.arbiter.eval.engine.MetricSummary;

/**
 * How often a guard flagged the prompts (or replies) of one set.
 *
 * @param set        which set, in words (e.g. "attack prompts of the probe packs")
 * @param n          items with a readable guard answer
 * @param flagged    of those, flagged
 * @param unreadable items whose guard answer could not be read or whose guard call failed (not in n)
 * @param rate       flagged / n with intervals, in the shape of eval metrics; null when n = 0
 */
public record GuardRate(String set, int n, int flagged, int unreadable, MetricSummary rate) {}
