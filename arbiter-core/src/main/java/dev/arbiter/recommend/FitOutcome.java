package dev.arbiter.recommend;

/**
 * What the fit engine says about running a model on the requested hardware at the requested context.
 *
 * @param quant             best (highest-precision) quantisation that fits, or null when none does
 * @param totalBytes        memory needed with that quantisation (or with the smallest one, when none fits)
 * @param availableBytes    memory the hardware offers
 * @param decodeTokensPerS  estimated decode speed, or null when it does not fit
 * @param reason            why it does not fit, or the basis of the estimate
 */
public record FitOutcome(boolean fits, String quant, long totalBytes, long availableBytes, Double decodeTokensPerS,
                         String reason) {}
