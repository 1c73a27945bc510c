package dev.arbiter.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the 2026 comparison article's figure differs from what the vendor published for the same benchmark.
 *
 * @param difference          article minus vendor, in the benchmark's unit
 * @param vendorBorrowedFrom  the related entry the vendor figure was published for (Mistral Large 2411 borrows
 *                            2407's), or null when the vendor published it for this model
 */
public record ClaimComparison(String benchmark, double articleValue, String articleSource, double vendorValue,
                              String vendorVariant, Integer vendorShots, String vendorSource, double difference,
                              String sentence, String vendorBorrowedFrom) {

    /** Discrepancies against this model's own vendor figures only. */
    public static List<ClaimComparison> discrepancies(Model m) {
        return discrepancies(null, m);
    }

    /**
     * Differences larger than rounding (0.05) between each article claim and the vendor's claims for that benchmark.
     * An article figure that equals one of the vendor's settings (DeepSeek V3's base MMLU 87.1) is that figure, so
     * it is not reported against the vendor's other settings. When the vendor published nothing for this model on a
     * benchmark, the figures of its closest relative ({@link Lineage#relatives}) are used and marked as borrowed.
     *
     * @param catalog where to find relatives; null to compare with the model's own figures only
     */
    public static List<ClaimComparison> discrepancies(Catalog catalog, Model m) {
        List<ClaimComparison> out = new ArrayList<>();
        for (ScoreClaim a : m.scores()) {
            if (a.kind() != ClaimKind.ARTICLE) continue;
            String borrowedFrom = null;
            List<ScoreClaim> vendor = vendorClaims(m, a.benchmark());
            if (vendor.isEmpty() && catalog != null) {
                for (Model r : Lineage.relatives(catalog, m)) {
                    vendor = vendorClaims(r, a.benchmark());
                    if (!vendor.isEmpty()) {
                        borrowedFrom = r.id();
                        break;
                    }
                }
            }
            if (vendor.isEmpty()) {
                String silent = a.vendorLookup() == null ? "" : " (looked up: " + a.vendorLookup() + ")";
                out.add(new ClaimComparison(a.benchmark(), a.value(), a.source(), Double.NaN, null, null, null, Double.NaN,
                        String.format(Locale.US, "%s: the article says %s; the vendor publishes no %s figure for this model%s",
                                a.benchmark(), fmt(a.value()), a.benchmark(), silent), null));
                continue;
            }
            if (vendor.stream().anyMatch(v -> Math.abs(a.value() - v.value()) < 0.05)) continue;
            for (ScoreClaim v : vendor) {
                double diff = a.value() - v.value();
                if (Math.abs(diff) < 0.05) continue;
                String borrowed = borrowedFrom == null ? "" : ", borrowed: published for " + borrowedFrom;
                out.add(new ClaimComparison(a.benchmark(), a.value(), a.source(), v.value(), v.variant(), v.shots(),
                        v.source(), diff, String.format(Locale.US, "%s: the article says %s, the vendor says %s (%s%s%s) — %s",
                        a.benchmark(), fmt(a.value()), fmt(v.value()), v.variant(),
                        v.shots() == null ? "" : ", " + v.shots() + "-shot", borrowed, v.source()), borrowedFrom));
            }
        }
        return out;
    }

    private static List<ScoreClaim> vendorClaims(Model m, String benchmark) {
        return m.scores().stream().filter(s -> s.kind() == ClaimKind.VENDOR && s.benchmark().equals(benchmark)).toList();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) > 100 ? String.format(Locale.US, "%.0f", v) : String.format(Locale.US, "%.1f", v);
    }
}
