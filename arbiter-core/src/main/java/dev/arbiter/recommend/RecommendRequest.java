package dev.arbiter.recommend;

import java.util.Locale;

/**
 * @param license    which licences to keep ({@link LicenseFilter})
 * @param region     lower-case region whose licence clauses apply (e.g. eu), or null
 * @param language   ISO 639-1 code the model must support, or null
 * @param minContext tokens the deployment must hold; 0 = the use case's default
 * @param top        how many recommendations to rank; the rest that fit are listed as "also fits"
 */
public record RecommendRequest(UseCase useCase, LicenseFilter license, String region, String language,
                               long minContext, int top) {
    public RecommendRequest {
        if (useCase == null) throw new IllegalArgumentException("use case is required");
        if (minContext < 0) throw new IllegalArgumentException("--min-context must be >= 0, got " + minContext);
        if (top <= 0) throw new IllegalArgumentException("--top must be > 0, got " + top);
        if (license == null) license = LicenseFilter.DEFAULT;
        region = region == null ? null : region.toLowerCase(Locale.ROOT);
        language = language == null ? null : language.toLowerCase(Locale.ROOT);
    }

    public long context() { return minContext > 0 ? minContext : useCase.defaultContext(); }
}
