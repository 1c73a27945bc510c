package dev.arbiter.catalog;

import java.util.List;

/**
 * A licence's terms as data.
 *
 * @param openSource              OSI-approved open source (Apache-2.0, MIT) rather than "open weights" terms
 * @param commercialUse           commercial use allowed without a separate agreement (subject to the caps below)
 * @param monthlyActiveUserCap    above this many monthly active users a separate licence is required (Llama: 700M); null when none
 * @param researchOnly            only non-commercial research use (Mistral Research Licence)
 * @param regionRestrictions      regional clauses
 * @param attributionRequired     the licence requires a notice or a "Built with …" mention
 * @param attribution             what must be shown, when required
 * @param acceptableUsePolicy     URL of a use policy the licence incorporates, or null
 * @param productionUse           what a company deploying to production may do; when the file does not say, allowed
 *                                if commercial use is, otherwise research only
 */
public record License(String id, String name, String url, boolean openSource, boolean commercialUse,
                      Long monthlyActiveUserCap, boolean researchOnly, List<RegionRestriction> regionRestrictions,
                      boolean attributionRequired, String attribution, String acceptableUsePolicy, List<String> notes,
                      LicenseUse productionUse) {
    public License {
        Checks.required("id", id);
        Checks.required("name", name);
        Checks.required("url", url);
        regionRestrictions = regionRestrictions == null ? List.of() : List.copyOf(regionRestrictions);
        notes = notes == null ? List.of() : List.copyOf(notes);
        if (researchOnly && commercialUse) {
            throw new IllegalArgumentException("licence " + id + ": research_only and commercial_use cannot both be true");
        }
        if (productionUse == null) productionUse = commercialUse ? LicenseUse.ALLOWED : LicenseUse.RESEARCH_ONLY;
        if ((productionUse == LicenseUse.ALLOWED) != commercialUse) {
            throw new IllegalArgumentException("licence " + id + ": production_use " + productionUse.wire()
                    + " contradicts commercial_use " + commercialUse);
        }
    }

    /** Without {@code productionUse}: derived from {@code commercialUse}. */
    public License(String id, String name, String url, boolean openSource, boolean commercialUse, Long monthlyActiveUserCap,
                   boolean researchOnly, List<RegionRestriction> regionRestrictions, boolean attributionRequired,
                   String attribution, String acceptableUsePolicy, List<String> notes) {
        this(id, name, url, openSource, commercialUse, monthlyActiveUserCap, researchOnly, regionRestrictions,
                attributionRequired, attribution, acceptableUsePolicy, notes, null);
    }
}
