package dev.arbiter.bench;

/**
 * Why a benchmark request did not complete. A failed request is counted by kind and left out of every latency
 * statistic; {@link #CANCELLED} (cut off by Ctrl-C or the end of a duration-bounded level) is not a failure either.
 */
public enum FailureKind {
    /** Cannot connect, or the connection dropped before the response started. */
    CONNECTION,
    /** No complete answer within the request timeout. */
    TIMEOUT,
    /** The server answered with an HTTP error status (the status is in the message). */
    HTTP_ERROR,
    /** The stream ended (closed or reset) before its end marker ([DONE], a finish reason, Ollama's done). */
    STREAM_CLOSED,
    /** A stream event that is not the JSON the protocol promises. */
    MALFORMED,
    /** The server sent an error object inside the stream. */
    STREAM_ERROR,
    /** The stream completed without a single generated character. */
    EMPTY,
    /** Stopped by the user or the level's deadline; neither completed nor failed. */
    CANCELLED;

    /** snake_case name used in JSON and CSV. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
