package dev.arbiter.catalog;

/**
 * One published benchmark figure with the setting it was measured in and where it was published.
 *
 * @param benchmark lower-case id: mmlu, mmlu_pro, humaneval, mbpp, mt_bench, math, math_500, gsm8k, docvqa,
 *                  chartqa, mmmu, arena_elo, gpqa, livecodebench, aime_2024, …
 * @param value     as published: percent for accuracies (0–100), 1–10 for MT-Bench, Elo for Arena
 * @param variant   {@code base} or {@code instruct} (or {@code reasoning})
 * @param shots     few-shot count, null when not stated or not applicable
 * @param metric    e.g. {@code accuracy}, {@code pass@1}, {@code em}, {@code anls}, {@code judge_score}
 * @param kind      vendor, third_party or article
 * @param source    URL of the page that states the figure
 * @param note      anything a reader needs (e.g. "CoT", "MMLU-redux")
 * @param vendorLookup for an {@code article} figure the vendor published nothing for (not even for a predecessor
 *                  the model borrows from): where the vendor's figures were looked up and found silent on this
 *                  benchmark; null otherwise. {@link ArticleAudit} requires one or the other.
 */
public record ScoreClaim(String benchmark, double value, String variant, Integer shots, String metric,
                         ClaimKind kind, String source, String note, String vendorLookup) {
    /** The largest value a benchmark's unit allows: MT-Bench is 1–10, Arena an Elo rating, the rest percentages. */
    static double maxValue(String benchmark) {
        if (benchmark == null) return Double.MAX_VALUE;
        return switch (benchmark) {
            case "mt_bench" -> 10;
            case "arena_elo" -> 4000;
            default -> 100;
        };
    }

    public ScoreClaim {
        Checks.required("scores.benchmark", benchmark);
        Checks.required("scores.kind", kind);
        Checks.required("scores.source", source);
        if (Double.isNaN(value)) throw new IllegalArgumentException("scores.value is required");
        double max = maxValue(benchmark);
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("scores.value for " + benchmark + " must be within 0.." + (long) max + ", got " + value);
        }
        if (kind != ClaimKind.ARTICLE) {
            Checks.required("scores.variant", variant);
            if (vendorLookup != null) {
                throw new IllegalArgumentException("scores.vendor_lookup is for article figures only, got it on a " + kind.wire() + " figure");
            }
        } else if (vendorLookup != null && vendorLookup.isBlank()) {
            throw new IllegalArgumentException("scores.vendor_lookup must say where the vendor was looked up");
        }
    }

    /** A claim without a vendor lookup (every vendor and third-party figure). */
    public ScoreClaim(String benchmark, double value, String variant, Integer shots, String metric,
                      ClaimKind kind, String source, String note) {
        this(benchmark, value, variant, shots, metric, kind, source, note, null);
    }
}
