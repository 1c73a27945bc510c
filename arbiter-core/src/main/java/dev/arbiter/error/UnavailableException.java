package dev.arbiter.error;

/** Something the command needs is not reachable: a missing file, a server that does not answer. */
public class UnavailableException extends ArbiterException {
    public UnavailableException(String message) { super(message); }
    public UnavailableException(String message, Throwable cause) { super(message, cause); }
}
