package dev.arbiter.client;

import dev.arbiter.error.ArbiterException;

/**
 * A failed model call. {@link #retriable()} says whether trying again may succeed (429, 5xx, timeout, dropped
 * connection); the HTTP status is kept for the record. A retriable error may carry the server's Retry-After.
 */
public class ModelException extends ArbiterException {
    public enum Kind {
        RATE_LIMITED(true), SERVER_ERROR(true), TIMEOUT(true), CONNECTION(true),
        BAD_REQUEST(false), UNAUTHORIZED(false), NOT_FOUND(false), UNSUPPORTED(false), PROTOCOL(false),
        /**
         * Nothing listens at the address (connection refused): retrying within seconds does not start a server, so the
         * caller is told at once what to start.
         */
        REFUSED(false),
        /** A 400 because this prompt does not fit the served context: this sample's problem, not the run's. */
        CONTEXT_EXCEEDED(false),
        /**
         * One line of the answer's stream longer than the client reads ({@code LineReader.MAX_LINE_BYTES}): a single
         * event too large to parse, so the answer cannot be cut at the cap as a longer stream of events is. This
         * answer's problem, recorded as its error; it stopped the whole run before.
         */
        ANSWER_TOO_LONG(false);

        final boolean retriable;
        Kind(boolean retriable) { this.retriable = retriable; }
    }

    private final Kind kind;
    private final int status;
    private final Long retryAfterMillis;

    public ModelException(Kind kind, int status, String message, Long retryAfterMillis, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfterMillis = retryAfterMillis;
    }

    public Kind kind() { return kind; }
    public int status() { return status; }
    public boolean retriable() { return kind.retriable; }

    /**
     * Whether the failure belongs to one request rather than to the endpoint: retriable kinds (once retries are
     * spent), a prompt longer than the served context and an answer event too long to read. The engine records such a sample as an error and goes on.
     */
    public boolean sampleScoped() { return kind.retriable || kind == Kind.CONTEXT_EXCEEDED || kind == Kind.ANSWER_TOO_LONG; }
    /** Server's Retry-After in milliseconds, or null. */
    public Long retryAfterMillis() { return retryAfterMillis; }
}
