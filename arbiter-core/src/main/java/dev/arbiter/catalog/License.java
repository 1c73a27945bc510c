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
 */
public record License(String id, String name, String url, boolean openSource, boolean commercialUse,
                      Long monthlyActiveUserCap, boolean researchOnly, List<RegionRestriction> regionRestrictions,
                      boolean attributionRequired, String attribution, String acceptableUsePolicy, List<String> notes) {
    public License {
        Checks.required("id", id);
        Checks.required("name", name);
        Checks.required("url", url);
        regionRestrictions = regionRestrictions == null ? List.of() : List.copyOf(regionRestrictions);
        notes = notes == null ? List.of() : List.copyOf(notes);
        if (researchOnly && commercialUse) {
            throw new IllegalArgumentException("licence " + id + ": research_only and commercial_use cannot both be true");
        }
    }
}
