package dev.arbiter.score;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where an axis value comes from, in order of precedence: your own stored runs, then the figures vendors and third
 * parties publish, then an estimate from the model's other axes; NONE when there is nothing to go on.
 */
public enum EvidenceKind {
    MEASURED, PUBLISHED, ESTIMATED, NONE;

    @JsonValue
    public String wire() { return name().toLowerCase(Locale.ROOT); }
}
