package dev.arbiter.catalog;

/**
 * A licence clause that withholds rights in a region.
 *
 * @param region lower-case region code, e.g. {@code eu}
 * @param scope  what is withheld: {@code all} or {@code multimodal} (Llama 4: the vision rights are not granted
 *               to individuals domiciled, or companies with a principal place of business, in the EU)
 * @param clause the licence's words, quoted or paraphrased
 */
public record RegionRestriction(String region, String scope, String clause) {
    public RegionRestriction {
        Checks.required("region_restrictions.region", region);
        Checks.required("region_restrictions.scope", scope);
        if (!scope.equals("all") && !scope.equals("multimodal")) {
            throw new IllegalArgumentException("region_restrictions.scope must be 'all' or 'multimodal', got " + scope);
        }
        Checks.required("region_restrictions.clause", clause);
    }
}
