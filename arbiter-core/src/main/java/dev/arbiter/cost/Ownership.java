package dev.arbiter.cost;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.arbiter.error.InvalidInputException;

import java.util.Locale;

/** Rent the GPUs by the hour, or own them (purchase spread over the amortisation period, plus power). */
public enum Ownership {
    RENT, OWN;

    @JsonValue
    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public static Ownership parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "rent" -> RENT;
            case "own" -> OWN;
            default -> throw new InvalidInputException("--ownership must be rent or own, got '" + s + "'");
        };
    }
}
