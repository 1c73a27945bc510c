package dev.arbiter.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who makes a score claim: the model's vendor (card, tech report), an independent evaluator, or the 2026 article. */
public enum ClaimKind {
    VENDOR, THIRD_PARTY, ARTICLE;

    @JsonValue
    public String wire() { return name().toLowerCase(Locale.ROOT); }

    @JsonCreator
    public static ClaimKind parse(String s) {
        for (ClaimKind k : values()) if (k.wire().equals(s)) return k;
        throw new IllegalArgumentException("kind must be one of vendor, third_party, article; got " + s);
    }
}
