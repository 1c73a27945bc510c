package dev.arbiter.evidence;

/**
 * One closed-loop level of a stored bench run: what it held in flight, the output throughput it reached and the
 * requests that throughput was measured on.
 *
 * @param concurrency      requests held in flight
 * @param outputTokensPerS output tokens/s of the level (prefill included, as the run saw it)
 * @param completed        requests completed (at least 1)
 * @param inputTokens      prompt tokens of those requests, summed; 0 when the record does not say
 * @param outputTokens     output tokens of those requests, summed; 0 when the record does not say
 */
public record ClosedLoopLevel(int concurrency, double outputTokensPerS, int completed, long inputTokens, long outputTokens) {
    public ClosedLoopLevel {
        if (completed < 1) throw new IllegalArgumentException("a level needs at least one completed request, got " + completed);
    }

    /** Mean prompt tokens per completed request; null when the record does not give them. */
    public Double inputTokensPerRequest() {
        return inputTokens > 0 ? (double) inputTokens / completed : null;
    }

    /** Mean output tokens per completed request; null when the record does not give them. */
    public Double outputTokensPerRequest() {
        return outputTokens > 0 ? (double) outputTokens / completed : null;
    }
}
