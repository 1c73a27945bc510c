package dev.arbiter.eval.scorer;

import dev.arbiter.eval.Score;

/**
 * What an extracting scorer does when it finds no answer in the model's text. The default leaves the sample
 * unscored (counted, reported, and left out of the mean); {@code INCORRECT} is for benchmarks whose published
 * numbers count a missing answer as wrong.
 */
public enum Unparseable {
    UNSCORED, INCORRECT;

    Score score(String why) {
        return this == UNSCORED ? Score.unscored(null, why) : Score.of(0.0, null, why + " (counted as incorrect)");
    }
}
