package dev.arbiter.score;

import dev.arbiter.catalog.ScoreClaim;

/**
 * The setting a figure was measured in, as far as normalisation cares: a base model (few-shot, no chat template)
 * or a tuned one (instruct or reasoning). The two are normalised apart: a base MMLU of 80 and an instruct MMLU of 80
 * are not the same achievement.
 */
public final class Setting {
    public static final String BASE = "base";
    public static final String TUNED = "tuned";

    private Setting() {}

    public static String of(ScoreClaim c) { return BASE.equals(c.variant()) ? BASE : TUNED; }
}
