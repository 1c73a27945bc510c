package dev.arbiter.cost;

import java.time.Instant;
import java.util.Locale;

/**
 * Output throughput a stored bench run measured at one concurrency, for one model, quantisation and hardware, and the
 * requests it was measured on: throughput depends on them (longer prompts cost prefill, longer answers fill the KV
 * cache), so a run stands in for the estimate only for a workload like its own ({@link #matches}).
 *
 * @param runId                  the bench run
 * @param measuredAt             when it ran
 * @param concurrency            the closed-loop level's concurrency
 * @param outputTokensPerS       output tokens/s at that level (prefill included, as the run saw it)
 * @param inputTokensPerRequest  mean prompt tokens of the level's requests; null when the run did not record them
 * @param outputTokensPerRequest mean output tokens of the level's requests; null when the run did not record them
 */
public record MeasuredThroughput(String runId, Instant measuredAt, int concurrency, double outputTokensPerS,
                                 Double inputTokensPerRequest, Double outputTokensPerRequest) {
    /**
     * How far a run's mean prompt or output length may be from the workload's and still price it: within 25% either
     * way, or 16 tokens (short prompts: a chat template's few tokens are not a different workload).
     */
    public static final double LENGTH_TOLERANCE = 1.25;
    static final double LENGTH_SLACK_TOKENS = 16;

    public MeasuredThroughput {
        if (!(outputTokensPerS > 0)) throw new IllegalArgumentException("measured output tokens/s must be > 0");
    }

    /** Whether the run's requests were like {@code w}'s: both mean lengths known and each within the tolerance. */
    public boolean matches(Workload w) {
        return inputTokensPerRequest != null && outputTokensPerRequest != null
                && near(inputTokensPerRequest, w.inputTokens()) && near(outputTokensPerRequest, w.outputTokens());
    }

    private static boolean near(double measured, double wanted) {
        double hi = Math.max(measured, wanted), lo = Math.min(measured, wanted);
        return hi <= LENGTH_TOLERANCE * lo || hi - lo <= LENGTH_SLACK_TOKENS;
    }

    /** "24 prompt + 16 output tokens per request", or what the run did not record. */
    public String workload() {
        if (inputTokensPerRequest == null || outputTokensPerRequest == null) return "token counts not recorded";
        return String.format(Locale.US, "%,.0f prompt + %,.0f output tokens per request", inputTokensPerRequest, outputTokensPerRequest);
    }
}
