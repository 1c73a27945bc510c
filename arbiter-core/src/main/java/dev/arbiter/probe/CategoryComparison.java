package dev.arbiter.probe;

import dev.arbiter.eval.stats.Comparison;

/**
 * Two models on the same attacks of one category (paired by sample, attempts averaged per sample). {@code comparison}
 * is the eval engine's paired comparison: McNemar (exact below 25 discordant pairs) on 0/1 outcomes, with its
 * bootstrap interval of asrA − asrB and plain warnings; null when the runs share no scored attack here.
 */
public record CategoryComparison(String category, Comparison comparison) {}
