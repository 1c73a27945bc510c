package dev.arbiter.recommend;

import dev.arbiter.catalog.Model;

/** The recommender's view of the fit engine: the best quantisation of a model that holds {@code context} tokens. */
@FunctionalInterface
public interface FitProbe {
    FitOutcome bestFit(Model model, long context);
}
