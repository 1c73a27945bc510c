package dev.arbiter.catalog;

import java.util.List;
import java.util.Locale;

/**
 * One row of the model list (the JSON form of {@code arbiter models}). Parameters are counted from the architecture,
 * as {@code fit} counts them, so both views print the same figure (122.6B for Mistral Large 2, not the vendor's 123B).
 *
 * @param licenseUse allowed, needs_agreement or research_only for a company deploying to production
 */
public record ModelSummary(String id, String name, String family, long totalParams, long activeParams,
                           long contextLength, String license, boolean commercialUse, List<String> modalities,
                           List<String> tags, LicenseUse licenseUse) {
    public static ModelSummary of(Model m) {
        ParamCount p = ParamCounter.count(m.architecture());
        return new ModelSummary(m.id(), m.name(), m.family(), p.total(), p.active(), m.contextLength(), m.licenseId(),
                m.license() != null && m.license().commercialUse(), m.modalities(), m.tags(),
                m.license() == null ? null : m.license().productionUse());
    }

    /** "109.0B/17.0B" for MoE, "7.6B" for dense. */
    public String paramsLabel() {
        String t = fmt(totalParams);
        return activeParams < totalParams ? t + "/" + fmt(activeParams) : t;
    }

    private static String fmt(long n) {
        return n >= 0.95e9 ? String.format(Locale.US, "%.1fB", n / 1e9) : String.format(Locale.US, "%.0fM", n / 1e6);
    }
}
