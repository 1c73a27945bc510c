package dev.arbiter.recommend;

import dev.arbiter.profile.Dimensions;
import dev.arbiter.score.AxisEstimate;
import dev.arbiter.score.Evidence;
import dev.arbiter.score.EvidenceKind;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Says what decided the order of two models whose intervals overlap: the axis whose weighted difference put the
 * higher one ahead, and on that axis the figure with the largest difference (or the speeds, for efficiency); and the
 * licence when only one of them is deployable as is.
 */
final class CloseCall {
    private CloseCall() {}

    /** For {@code below}, ranked right after {@code above} with an overlapping interval. */
    static String explain(Scored above, int aboveRank, Scored below) {
        double gap = above.point() - below.point();
        String decisive = null;
        double best = Double.NEGATIVE_INFINITY;
        for (String axis : above.weights().keySet()) {
            if (!below.weights().containsKey(axis)) continue;
            double share = above.weights().get(axis) / above.totalWeight();
            double c = share * (above.axis(axis) - below.axis(axis));
            if (c > best) { best = c; decisive = axis; }
        }
        String behind = gap < 0.5 ? "less than a point behind"
                : String.format(Locale.US, "%.0f point%s behind", gap, Math.round(gap) == 1 ? "" : "s");
        StringBuilder sb = new StringBuilder(String.format(Locale.US,
                "≈ tied with #%d %s (intervals overlap): %s", aboveRank, above.model().id(), behind));
        if (decisive != null && best > 0) {
            sb.append(String.format(Locale.US, ", decided by %s (%.1f of them: %s)", decisive, best, figures(decisive, above, below)));
        } else {
            sb.append(", the same on every axis (listed by speed, then id)");
        }
        if (above.model().license().productionUse() != below.model().license().productionUse()) {
            sb.append("; licence: ").append(above.model().id()).append(" ").append(above.model().license().productionUse().label())
                    .append(", ").append(below.model().id()).append(" ").append(below.model().license().productionUse().label());
        }
        return sb.toString();
    }

    private static String figures(String axis, Scored a, Scored b) {
        if (axis.equals(Dimensions.EFFICIENCY)) {
            return Rounding.speed(a.tokensPerS()) + " vs " + Rounding.speed(b.tokensPerS());
        }
        AxisEstimate x = a.quality().get(axis);
        AxisEstimate y = b.quality().get(axis);
        Optional<String> shared = x.evidence().stream()
                .flatMap(ex -> y.evidence().stream().filter(ey -> ey.benchmark().equals(ex.benchmark()))
                        .map(ey -> new Evidence[] {ex, ey}))
                .max(Comparator.comparingDouble(p -> p[0].weight() * (p[0].z() - p[1].z())))
                .map(p -> String.format(Locale.US, "%s %s vs %s", p[0].benchmark(), num(p[0].value()), num(p[1].value())));
        if (shared.isPresent()) return shared.get();
        return String.format(Locale.US, "%s %.0f (%s) vs %.0f (%s)", axis, a.axis(axis), basis(x), b.axis(axis), basis(y));
    }

    private static String basis(AxisEstimate a) {
        if (a.basis() == EvidenceKind.PUBLISHED || a.basis() == EvidenceKind.MEASURED) {
            return a.basis().wire() + ": " + String.join(", ", a.evidence().stream().map(Evidence::benchmark).toList());
        }
        return a.basis() == EvidenceKind.ESTIMATED ? "estimated" : "no figure";
    }

    private static String num(double v) { return String.format(Locale.US, v >= 10 ? "%.1f" : "%.2f", v); }
}
