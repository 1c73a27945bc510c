package dev.arbiter.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the 2026 comparison article's figure differs from what the vendor published for the same benchmark.
 *
 * @param difference article minus vendor, in the benchmark's unit
 */
public record ClaimComparison(String benchmark, double articleValue, String articleSource, double vendorValue,
                              String vendorVariant, Integer vendorShots, String vendorSource, double difference,
                              String sentence) {

    /**
     * Differences larger than rounding (0.05) between each article claim and the vendor's claims for that benchmark.
     * An article figure that equals one of the vendor's settings (DeepSeek V3's base MMLU 87.1) is that figure, so
     * it is not reported against the vendor's other settings.
     */
    public static List<ClaimComparison> discrepancies(Model m) {
        List<ClaimComparison> out = new ArrayList<>();
        for (ScoreClaim a : m.scores()) {
            if (a.kind() != ClaimKind.ARTICLE) continue;
            List<ScoreClaim> vendor = m.scores().stream()
                    .filter(s -> s.kind() == ClaimKind.VENDOR && s.benchmark().equals(a.benchmark())).toList();
            if (vendor.isEmpty()) {
                out.add(new ClaimComparison(a.benchmark(), a.value(), a.source(), Double.NaN, null, null, null, Double.NaN,
                        String.format(Locale.ROOT, "%s: the article says %s; the vendor publishes no %s figure for this model",
                                a.benchmark(), fmt(a.value()), a.benchmark())));
                continue;
            }
            if (vendor.stream().anyMatch(v -> Math.abs(a.value() - v.value()) < 0.05)) continue;
            for (ScoreClaim v : vendor) {
                double diff = a.value() - v.value();
                if (Math.abs(diff) < 0.05) continue;
                out.add(new ClaimComparison(a.benchmark(), a.value(), a.source(), v.value(), v.variant(), v.shots(),
                        v.source(), diff, String.format(Locale.ROOT, "%s: the article says %s, the vendor says %s (%s%s) — %s",
                        a.benchmark(), fmt(a.value()), fmt(v.value()), v.variant(),
                        v.shots() == null ? "" : ", " + v.shots() + "-shot", v.source())));
            }
        }
        return out;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) > 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
