package dev.arbiter.eval.stats;

/**
 * One of the two runs a diff compares, as its manifest describes it.
 *
 * @param scoredSamples distinct samples with at least one scored epoch
 */
public record RunSide(String runId, String task, int taskVersion, String model, String scorer, String status,
                      String datasetSha256, int scoredSamples) {}
