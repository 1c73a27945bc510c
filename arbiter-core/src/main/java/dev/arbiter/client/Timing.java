package dev.arbiter.client;

import java.util.List;

/**
 * Client-side timing of one request, in nanoseconds from the moment the request was sent (the injected clock).
 *
 * @param firstTokenNanos time to the first content token (streaming), or to the whole response otherwise
 * @param totalNanos      time to the last byte
 * @param tokenNanos      arrival time of each streamed chunk that carried content (empty when not streaming)
 */
public record Timing(long firstTokenNanos, long totalNanos, List<Long> tokenNanos) {
    public Timing {
        tokenNanos = tokenNanos == null ? List.of() : List.copyOf(tokenNanos);
    }
}
