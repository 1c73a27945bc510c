package dev.arbiter.eval.engine;

/**
 * Why a run failed, typed by what the user does next.
 *
 * @param type {@code unavailable} (endpoint unreachable or refusing the key: check the server; exit 3),
 *             {@code invalid_input} (unknown model, request the server rejects: fix the flags; exit 2) or
 *             {@code internal} (a bug; exit 1)
 */
public record RunError(String type, String message) {
    public static final String UNAVAILABLE = "unavailable";
    public static final String INVALID_INPUT = "invalid_input";
    public static final String INTERNAL = "internal";

    public RunError {
        if (!UNAVAILABLE.equals(type) && !INVALID_INPUT.equals(type) && !INTERNAL.equals(type)) {
            throw new IllegalArgumentException("error type must be unavailable, invalid_input or internal, got " + type);
        }
        if (message == null || message.isBlank()) throw new IllegalArgumentException("error message is required");
    }
}
