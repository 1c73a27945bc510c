package dev.arbiter.recommend;

/**
 * What the fit engine says about running a model on the requested hardware at the requested context.
 *
 * @param quant             best (highest-precision) quantisation that fits, or null when none does
 * @param totalBytes        memory needed with that quantisation (or with the smallest one, when none fits)
 * @param availableBytes    memory the hardware offers
 * @param decodeTokensPerS  estimated decode speed, or null when it does not fit or the bandwidth is unknown
 * @param reason            why it does not fit, or the basis of the estimate
 * @param runtime           the runtime the fit assumes (llama.cpp, vllm), or null when not stated
 * @param gpus              devices the model is split over (tensor parallel on vLLM, by layer on llama.cpp)
 */
public record FitOutcome(boolean fits, String quant, long totalBytes, long availableBytes, Double decodeTokensPerS,
                         String reason, String runtime, int gpus) {
    public FitOutcome {
        if (gpus < 1) throw new IllegalArgumentException("gpus must be >= 1, got " + gpus);
    }

    /** Without the runtime: one device. */
    public FitOutcome(boolean fits, String quant, long totalBytes, long availableBytes, Double decodeTokensPerS, String reason) {
        this(fits, quant, totalBytes, availableBytes, decodeTokensPerS, reason, null, 1);
    }
}
