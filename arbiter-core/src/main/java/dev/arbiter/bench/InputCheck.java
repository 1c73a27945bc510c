package dev.arbiter.bench;

/**
 * Exact prompt lengths of a few of the run's first prompts from the server's own {@code /tokenize}, beside the
 * workload's estimate, so a synthetic "256-token" prompt is known to be 256 tokens on this model or how far off.
 *
 * @param source        {@code vllm} (POST /tokenize with messages: the chat template's tokens included) or
 *                      {@code llama.cpp} (POST /tokenize with content: the text alone)
 * @param sampled       prompts measured
 * @param estimatedMean mean of the workload's estimate for them (tokens)
 * @param measuredMean  mean of the server's count (tokens)
 */
public record InputCheck(String source, int sampled, double estimatedMean, double measuredMean) {}
