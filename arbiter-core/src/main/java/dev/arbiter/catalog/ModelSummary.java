package dev.arbiter.catalog;

import java.util.List;
import java.util.Locale;

/** One row of the model list (the JSON form of {@code arbiter models}). */
public record ModelSummary(String id, String name, String family, long totalParams, long activeParams,
                           long contextLength, String license, boolean commercialUse, List<String> modalities,
                           List<String> tags) {
    public static ModelSummary of(Model m) {
        return new ModelSummary(m.id(), m.name(), m.family(), m.officialParams().total(), m.officialParams().active(),
                m.contextLength(), m.licenseId(), m.license() != null && m.license().commercialUse(), m.modalities(), m.tags());
    }

    /** "109.0B/17.0B" for MoE, "7.6B" for dense. */
    public String paramsLabel() {
        String t = fmt(totalParams);
        return activeParams < totalParams ? t + "/" + fmt(activeParams) : t;
    }

    private static String fmt(long n) {
        return n >= 0.95e9 ? String.format(Locale.ROOT, "%.1fB", n / 1e9) : String.format(Locale.ROOT, "%.0fM", n / 1e6);
    }
}
