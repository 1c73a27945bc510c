package dev.arbiter.cost;

/**
 * Decode at one batch size: every sequence in the batch gains one token per step.
 *
 * @param batch                 sequences decoded together
 * @param stepMs                time of one decode step, ms
 * @param tokensPerS            aggregate output tokens per second, batch × 1000 / stepMs
 * @param perSequenceTokensPerS what each stream sees, 1000 / stepMs
 * @param bound                 memory (weights and KV read once per step bound it) or compute (past the roofline knee)
 */
public record BatchPoint(int batch, double stepMs, double tokensPerS, double perSequenceTokensPerS, String bound) {}
