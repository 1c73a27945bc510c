package dev.arbiter.recommend;

import java.util.Locale;

/**
 * @param license    which licences to keep ({@link LicenseFilter})
 * @param region     lower-case region whose licence clauses apply (e.g. eu), or null
 * @param language   ISO 639-1 code the model must support, or null
 * @param minContext tokens the deployment must hold; 0 = the use case's default
 * @param top        how many recommendations to rank; the rest that fit are listed as "also fits"
 * @param budgetPerMonth hard constraint: options costing more a month (always on, in the cost's currency) are left out; null for none
 * @param optimiseCost   the efficiency axis scores cost per 1M output tokens instead of decode speed
 */
public record RecommendRequest(UseCase useCase, LicenseFilter license, String region, String language,
                               long minContext, int top, Double budgetPerMonth, boolean optimiseCost) {
    public RecommendRequest(UseCase useCase, LicenseFilter license, String region, String language, long minContext, int top) {
        this(useCase, license, region, language, minContext, top, null, false);
    }

    public RecommendRequest {
        if (budgetPerMonth != null && !(budgetPerMonth > 0)) throw new IllegalArgumentException("--budget-per-month must be > 0, got " + budgetPerMonth);
        if (useCase == null) throw new IllegalArgumentException("use case is required");
        if (minContext < 0) throw new IllegalArgumentException("--min-context must be >= 0, got " + minContext);
        if (top <= 0) throw new IllegalArgumentException("--top must be > 0, got " + top);
        if (license == null) license = LicenseFilter.DEFAULT;
        region = region == null ? null : region.toLowerCase(Locale.ROOT);
        language = language == null ? null : language.toLowerCase(Locale.ROOT);
    }

    public long context() { return minContext > 0 ? minContext : useCase.defaultContext(); }
}
