package dev.arbiter.error;

/**
 * Root of Arbiter's errors. Subtypes are chosen by what the caller should do next, never by message text:
 * {@link InvalidInputException} (fix the input; exit 2), {@link UnavailableException} (a file or endpoint
 * is not there; exit 3). Anything else is a bug (exit 1).
 */
public class ArbiterException extends RuntimeException {
    public ArbiterException(String message) { super(message); }
    public ArbiterException(String message, Throwable cause) { super(message, cause); }
}
