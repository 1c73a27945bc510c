package dev.arbiter.score;

/**
 * A figure from one of your own stored runs (eval today; the bench evidence record later), in the published
 * figures' unit. It takes precedence over the published figure for the same benchmark.
 */
public record MeasuredFigure(String benchmark, double value, String runId) {
    public MeasuredFigure {
        if (benchmark == null || benchmark.isBlank()) throw new IllegalArgumentException("benchmark is required");
        if (runId == null || runId.isBlank()) throw new IllegalArgumentException("run id is required");
    }
}
