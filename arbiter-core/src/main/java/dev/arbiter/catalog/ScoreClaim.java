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
 */
public record ScoreClaim(String benchmark, double value, String variant, Integer shots, String metric,
                         ClaimKind kind, String source, String note) {
    public ScoreClaim {
        Checks.required("scores.benchmark", benchmark);
        Checks.required("scores.kind", kind);
        Checks.required("scores.source", source);
        if (Double.isNaN(value)) throw new IllegalArgumentException("scores.value is required");
        if (kind != ClaimKind.ARTICLE) {
            Checks.required("scores.variant", variant);
        }
    }
}
