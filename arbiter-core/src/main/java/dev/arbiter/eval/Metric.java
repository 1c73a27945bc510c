package dev.arbiter.eval;

import java.util.List;

/** Reduces the scored samples of a run to one named value (with uncertainty when it has one). */
public interface Metric {
    String name();

    /** {@code scores} holds only scored samples (unscored ones are counted separately by the engine). */
    MetricValue compute(List<SampleScore> scores);
}
