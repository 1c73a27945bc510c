package dev.arbiter.eval.engine;

/**
 * Why a sample has no answer.
 *
 * @param kind       the model error kind in lower case (rate_limited, server_error, timeout, connection, …),
 *                   or {@code solver} / {@code scorer} when Arbiter's own code failed on this sample
 * @param httpStatus the server's status code, or null when none was received
 */
public record SampleError(String kind, Integer httpStatus, String message) {
    /** The kind of a prompt longer than the served context ({@code ModelException.Kind.CONTEXT_EXCEEDED}). */
    public static final String CONTEXT_EXCEEDED = "context_exceeded";

    public SampleError {
        if (kind == null || kind.isBlank()) throw new IllegalArgumentException("error kind is required");
        message = message == null ? "" : message;
    }
}
