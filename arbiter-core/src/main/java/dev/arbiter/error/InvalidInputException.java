package dev.arbiter.error;

/** The user's input (a flag, a file, a row) is wrong. The message names the file, line and field when known. */
public class InvalidInputException extends ArbiterException {
    public InvalidInputException(String message) { super(message); }
    public InvalidInputException(String message, Throwable cause) { super(message, cause); }
}
