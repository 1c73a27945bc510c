package dev.arbiter.cost;

import java.time.Instant;

/**
 * Output throughput a stored bench run measured at one concurrency, for one model, quantisation and hardware.
 *
 * @param runId            the bench run
 * @param measuredAt       when it ran
 * @param concurrency      the closed-loop level's concurrency
 * @param outputTokensPerS output tokens/s at that level (prefill included, as the run saw it)
 */
public record MeasuredThroughput(String runId, Instant measuredAt, int concurrency, double outputTokensPerS) {
    public MeasuredThroughput {
        if (!(outputTokensPerS > 0)) throw new IllegalArgumentException("measured output tokens/s must be > 0");
    }
}
