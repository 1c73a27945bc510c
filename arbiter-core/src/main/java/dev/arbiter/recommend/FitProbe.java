package dev.arbiter.recommend;

import dev.arbiter.catalog.Model;

import java.util.List;

/** The recommender's view of the fit engine. */
public interface FitProbe {
    /** The best (highest-precision) quantisation that holds {@code context} tokens, or why none does. */
    FitOutcome bestFit(Model model, long context);

    /**
     * Every quantisation that fits, highest precision first; the recommender picks the one that scores best for
     * the use case (a faster lower-precision fit can beat a slow 16-bit one). Defaults to the best fit alone.
     */
    /** False when the hardware's bandwidth is unknown (memory given alone): fits are known, speeds are not. */
    default boolean speedKnown() { return true; }

    /** Whether llama.cpp can put layers on an accelerator here (CUDA, ROCm, Metal); false on CPU-only hosts, boards and phones. */
    default boolean gpu() { return true; }

    default List<FitOutcome> options(Model model, long context) {
        FitOutcome best = bestFit(model, context);
        return best.fits() ? List.of(best) : List.of();
    }
}
