package dev.arbiter.fit;

import java.util.Locale;

/**
 * A published claim that a model runs in a given amount of memory at a quantisation, to check against the arithmetic.
 *
 * @param memoryGb what the claim says, in GB as written
 */
public record MemoryClaim(String model, String quant, double memoryGb, String text, String source) {
    public MemoryClaim {
        if (model == null || quant == null || text == null || source == null) {
            throw new IllegalArgumentException("memory claim needs model, quant, text and source");
        }
        if (!(memoryGb > 0)) throw new IllegalArgumentException("memory claim memory_gb must be > 0");
    }

    /** "the article says '…'; Arbiter computes 56.2 GiB at INT4 with 8,192 tokens of context". */
    public String verdict(long computedBytes, long context) {
        double gib = computedBytes / (double) (1L << 30);
        boolean holds = computedBytes <= memoryGb * 1e9;
        return String.format(Locale.US, "%s says \"%s\"; Arbiter computes %.1f GiB at %s with %,d tokens of context — %s",
                source, text, gib, quant, context, holds ? "consistent" : "the claim does not hold");
    }
}
