package dev.arbiter.eval.metrics;

import dev.arbiter.eval.SampleScore;

/**
 * Fraction of samples answered correctly: the clustered mean of score values that are 1.0 for a pass and 0.0 for
 * a fail (partial credit in between is averaged as is). Unscored samples never reach a metric.
 */
public final class Accuracy extends MeanMetric implements Proportion {
    public static final String NAME = "accuracy";

    public Accuracy() {
        this(NAME);
    }

    public Accuracy(String name) {
        super(name, Accuracy::value);
    }

    private static double value(SampleScore s) {
        double v = s.score().value();
        if (v < 0 || v > 1) {
            throw new IllegalArgumentException("accuracy needs scores in [0, 1], sample " + s.sampleId()
                    + " epoch " + s.epoch() + " scored " + v);
        }
        return v;
    }
}
