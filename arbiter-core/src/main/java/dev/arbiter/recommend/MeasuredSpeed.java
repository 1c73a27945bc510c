package dev.arbiter.recommend;

import java.util.OptionalDouble;

/**
 * Seam for measured decode speed: when the serving benchmark's evidence record holds a single-stream measurement of a
 * model at a quantisation on this hardware, it replaces the estimate (and its interval narrows). Until that record
 * exists, {@link #NONE}.
 */
@FunctionalInterface
public interface MeasuredSpeed {
    MeasuredSpeed NONE = (model, quant) -> OptionalDouble.empty();

    /** Measured single-stream decode tokens/s of {@code model} at {@code quant} on the hardware being ranked for. */
    OptionalDouble tokensPerS(String model, String quant);
}
