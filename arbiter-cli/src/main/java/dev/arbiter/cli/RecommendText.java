package dev.arbiter.cli;

import dev.arbiter.catalog.LicenseUse;
import dev.arbiter.recommend.AlsoFit;
import dev.arbiter.recommend.Exclusion;
import dev.arbiter.recommend.LicenseFilter;
import dev.arbiter.recommend.RecommendRequest;
import dev.arbiter.recommend.RecommendResult;
import dev.arbiter.recommend.Recommendation;
import dev.arbiter.recommend.Rounding;

import java.io.PrintWriter;
import java.util.Locale;

/** recommend as text: one ranking line per model (with its licence use), the score's parts, then also-fits and exclusions. */
final class RecommendText {
    private RecommendText() {}

    static void print(PrintWriter out, RecommendResult r, String hardware, RecommendRequest req, boolean explain) {
        out.printf(Locale.US, "Use case %s on %s, %,d tokens of context; licences: %s%s%s%n", r.useCase(), hardware, r.context(),
                switch (req.license()) {
                    case COMMERCIAL -> "deployable as is only";
                    case ANY -> "all";
                    case DEFAULT -> "all but research-only";
                },
                req.region() == null ? "" : "; region " + req.region(), req.language() == null ? "" : "; language " + req.language());
        if (!r.speedKnown()) out.println("Speed unknown (no --bandwidth-gbs): the efficiency axis is left out; ranked on quality alone.");
        if (explain) {
            out.println("Method:");
            for (String m : r.method()) out.println("  - " + m);
        }
        if (r.recommendations().isEmpty()) out.println("  nothing qualifies; see the exclusions below.");
        boolean costs = r.recommendations().stream().anyMatch(x -> x.cost() != null);
        String costColumn = costs ? "%-14s " : "%s";
        if (!r.recommendations().isEmpty()) out.printf(Locale.US, "%-4s %-20s %-7s %-16s %-6s %-10s %-13s " + costColumn + "%s%n", "#", "model", "quant",
                "score [90%]", "rank", "memory GiB", "decode tok/s", costs ? "1M out tokens" : "", "licence use");
        for (Recommendation x : r.recommendations()) {
            out.printf(Locale.US, "%-4s %-20s %-7s %-16s %-6s %-10s %-13s " + costColumn + "%s%n",
                    x.rank() + (x.tied() ? "≈" : ""), x.model(), x.quant(),
                    String.format(Locale.US, "%.0f [%.0f–%.0f]", x.score(), x.scoreLow(), x.scoreHigh()),
                    x.rankLow() == x.rankHigh() ? Integer.toString(x.rankLow()) : x.rankLow() + "–" + x.rankHigh(),
                    String.format(Locale.US, "%.1f", x.totalBytes() / (double) (1L << 30)),
                    x.decodeTokensPerS() == null ? "unknown" : Rounding.speed(x.decodeTokensPerS()).replace(" tok/s", ""),
                    !costs ? "" : x.cost() == null ? "unknown" : CostText.money(x.cost().perMillionOutput()) + " " + x.cost().currency()
                            + (x.cost().runId() != null ? " m" : ""),
                    licence(x));
            if (!x.alsoCovers().isEmpty()) out.println("     same figures as " + String.join(", ", x.alsoCovers()) + " (older release): ranked once");
            out.println("     " + x.why());
            if (x.closeCall() != null) out.println("     " + x.closeCall());
            if (x.serve() != null) out.println("     serve: " + x.serve());
            if (explain) for (String reason : x.reasons()) out.println("       - " + reason);
        }
        if (costs) {
            r.recommendations().stream().filter(x -> x.cost() != null).findFirst().ifPresent(x -> out.printf(Locale.US,
                    "1M out tokens: all-in cost on %s at --concurrency, prefill included (estimated; m = measured by a bench run); ./arbiter cost MODEL shows the basis%n", hardware));
        }
        if (!r.alsoFits().isEmpty()) {
            out.printf(Locale.US, "Also fits (ranked past --top %d):%n", req.top());
            for (AlsoFit a : r.alsoFits()) {
                out.printf(Locale.US, "  %-3d %-20s %-7s %-16s %-13s %s%n", a.position(), a.model(), a.quant(),
                        String.format(Locale.US, "%.0f [%.0f–%.0f]", a.score(), a.scoreLow(), a.scoreHigh()),
                        a.decodeTokensPerS() == null ? "unknown" : Rounding.speed(a.decodeTokensPerS()).replace(" tok/s", ""),
                        a.licenseUse().wire());
            }
        }
        if (!r.excluded().isEmpty()) {
            out.println("Excluded:");
            for (Exclusion e : r.excluded()) out.printf(Locale.US, "  %-20s %-9s %s%n", e.model(), e.constraint(), e.reason());
        }
        if (req.license() == LicenseFilter.DEFAULT
                && r.recommendations().stream().anyMatch(x -> x.licenseUse() == LicenseUse.NEEDS_AGREEMENT)) {
            out.println("needs_agreement: deployable only with a separate commercial licence from the vendor; --license commercial leaves these out.");
        }
        out.flush();
    }

    private static String licence(Recommendation x) {
        return x.licenseUse() == LicenseUse.ALLOWED ? "allowed" : x.licenseUse().wire() + " (" + x.license() + ")";
    }
}
