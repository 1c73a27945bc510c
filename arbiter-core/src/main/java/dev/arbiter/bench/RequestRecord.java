package dev.arbiter.bench;

/**
 * What one benchmark request measured. Times are nanoseconds of the run's single monotonic ticker: the send and
 * scheduled times relative to the level's start, the rest relative to {@code sentNanos} (the moment the request was
 * handed to the HTTP client, after its JSON was built). Event times are when the event's last byte reached the
 * process: the socket read that delivered it returned (see {@code Http1Body.arrivalNanos}).
 *
 * @param conversation   which conversation (0-based); each single-turn request is its own conversation
 * @param turn           1-based turn within the conversation
 * @param scheduledNanos when the request was meant to be sent (open loop: the precomputed arrival; closed loop: when
 *                       a worker became free, so equal to {@code sentNanos} up to the call overhead)
 * @param ttftNanos      to the first event carrying generated text (content or reasoning; a role-only chunk is not a
 *                       token), or -1
 * @param e2eNanos       to the last data event before the end marker, or to the failure, or -1 when never sent
 * @param itlNanos       gaps between consecutive text-carrying events (per chunk, not per token)
 * @param outputTokens   completion tokens, -1 when unknown; from {@code tokenSource}
 * @param tokenSource    {@code usage} (the server's usage / Ollama eval_count) or {@code chunks} (text events counted)
 * @param contentChunks  events that carried generated text
 * @param promptTokens   the server's prompt token count, else the workload's estimate, else -1
 * @param multiTokenChunks the server's count exceeds the text events by more than half: ITL is per chunk, not token
 * @param error          failure kind (see {@link FailureKind}) or null when the request completed
 * @param errorMessage   the reason, for people; null when completed
 */
public record RequestRecord(int conversation, int turn, long scheduledNanos, long sentNanos, long ttftNanos,
                            long e2eNanos, long[] itlNanos, int outputTokens, String tokenSource, int contentChunks,
                            int promptTokens, boolean multiTokenChunks, FailureKind error, String errorMessage,
                            String text) {
    public RequestRecord {
        if (turn < 1) throw new IllegalArgumentException("turn is 1-based, got " + turn);
        itlNanos = itlNanos == null ? new long[0] : itlNanos;
        if (error == null && (ttftNanos < 0 || e2eNanos < ttftNanos)) {
            throw new IllegalArgumentException("a completed request needs 0 <= ttft <= e2e, got " + ttftNanos + ", " + e2eNanos);
        }
        if (error == null && outputTokens < 1) throw new IllegalArgumentException("a completed request has output tokens");
    }

    /** A request that failed (or was cancelled) after {@code elapsedNanos}. */
    static RequestRecord failed(int conversation, int turn, long scheduled, long sent, long elapsedNanos,
                                FailureKind kind, String message) {
        return new RequestRecord(conversation, turn, scheduled, sent, -1, elapsedNanos, null, -1, null, 0, -1, false,
                kind, message, null);
    }

    public boolean ok() { return error == null; }

    /** (E2E − TTFT) ÷ (output tokens − 1), rounded to the nanosecond; -1 when not defined (failed, or one token). */
    public long tpotNanos() {
        if (!ok() || outputTokens <= 1) return -1;
        return Math.round((e2eNanos - ttftNanos) / (double) (outputTokens - 1));
    }

    /** Client-side wait before sending: actual minus intended send time (coordinated omission shows here). */
    public long sendLagNanos() {
        return sentNanos - scheduledNanos;
    }

    /** This record without the answer text (the text is kept only while a conversation needs it). */
    RequestRecord withoutText() {
        return text == null ? this : new RequestRecord(conversation, turn, scheduledNanos, sentNanos, ttftNanos, e2eNanos,
                itlNanos, outputTokens, tokenSource, contentChunks, promptTokens, multiTokenChunks, error, errorMessage, null);
    }
}
