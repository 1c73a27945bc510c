package dev.arbiter.eval.metrics;

import dev.arbiter.eval.SampleScore;

/** Clustered mean of graded score values (e.g. MT-Bench's 1–10), with standard error and normal 95% interval. */
public final class Mean extends MeanMetric {
    public static final String NAME = "mean";

    public Mean() {
        this(NAME);
    }

    public Mean(String name) {
        super(name, (SampleScore s) -> s.score().value());
    }
}
