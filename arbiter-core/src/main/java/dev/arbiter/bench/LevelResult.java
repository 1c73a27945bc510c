package dev.arbiter.bench;

import java.util.List;
import java.util.Map;

/**
 * The results of one level, with vLLM's definitions: TTFT to the first text event, ITL over the gaps between text
 * events of all requests, TPOT = (E2E − TTFT) ÷ (output tokens − 1) per request with more than one token, E2E to
 * the last data event. Latency statistics cover completed requests only; failures are counted by kind.
 * {@code *_from_scheduled_ms} measure from the intended send time, so client-side queueing is included rather than
 * hidden (coordinated omission). Throughputs divide by {@code duration_s}: the first send to the last completion.
 *
 * @param concurrency  closed-loop workers, or the in-flight cap of an open-loop level (null: none)
 * @param rate         open-loop requests/s (null for closed loop)
 * @param interrupted  the level was cut short by Ctrl-C; the figures cover what completed before
 * @param cancelled    requests cut off by Ctrl-C (neither completed nor failed)
 * @param errors       failures by kind
 * @param errorExamples one message per kind, for people
 * @param tokenSources completed requests by where their output count came from (usage, chunks)
 */
public record LevelResult(Integer concurrency, Double rate, boolean interrupted, int completed, int failed, int cancelled,
                          Map<String, Integer> errors, Map<String, String> errorExamples, double durationS,
                          Double requestThroughput, Double outputTokenThroughput, Double totalTokenThroughput,
                          long inputTokens, long outputTokens, Map<String, Integer> tokenSources,
                          int multiTokenChunkRequests, Distribution ttftMs, Distribution itlMs, Distribution tpotMs,
                          Distribution e2eMs, Distribution ttftFromScheduledMs, Distribution e2eFromScheduledMs,
                          Distribution sendLagMs, Goodput goodput, List<TurnStats> ttftByTurn, ClientReport client,
                          ServerMetrics serverMetrics, List<String> warnings) {
    public LevelResult {
        errors = Map.copyOf(errors);
        errorExamples = Map.copyOf(errorExamples);
        tokenSources = Map.copyOf(tokenSources);
        ttftByTurn = ttftByTurn == null ? List.of() : List.copyOf(ttftByTurn);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        if (completed < 0 || failed < 0 || cancelled < 0) throw new IllegalArgumentException("counts must be >= 0");
    }

    public LoadLevel level() {
        return new LoadLevel(concurrency, rate);
    }
}
