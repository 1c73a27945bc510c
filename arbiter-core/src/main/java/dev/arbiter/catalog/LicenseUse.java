package dev.arbiter.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A licence as a company deploying to production sees it: allowed as is (Apache 2.0, Gemma terms, DeepSeek's licence,
 * the Llama and Qwen licences within their user caps), allowed only with a separate commercial agreement from the
 * vendor (Mistral's MRL and MNPL, Qwen's research licence), or research only (no commercial route known).
 */
public enum LicenseUse {
    ALLOWED, NEEDS_AGREEMENT, RESEARCH_ONLY;

    @JsonValue
    public String wire() { return name().toLowerCase(Locale.ROOT); }

    @JsonCreator
    public static LicenseUse parse(String s) {
        for (LicenseUse u : values()) if (u.wire().equals(s)) return u;
        throw new IllegalArgumentException("production_use must be one of "
                + Arrays.stream(values()).map(LicenseUse::wire).collect(Collectors.joining(", ")) + "; got " + s);
    }

    /** For people, next to a rank. */
    public String label() {
        return switch (this) {
            case ALLOWED -> "deployable as is";
            case NEEDS_AGREEMENT -> "needs a commercial agreement with the vendor";
            case RESEARCH_ONLY -> "research use only";
        };
    }
}
