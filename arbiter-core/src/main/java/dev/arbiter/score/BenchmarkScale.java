package dev.arbiter.score;

/**
 * How one benchmark's figures are put on a common scale ({@code scoring/benchmarks.yaml}).
 *
 * @param chance score of a random guesser in the benchmark's unit (1/options × 100 for multiple choice, 0 for
 *               generated answers, 1 for MT-Bench's 1–10 judge score)
 * @param min    lowest value of the unit (0, or 1 for MT-Bench)
 * @param max    highest value of the unit (100, or 10 for MT-Bench)
 * @param items  questions in the usual test split; sets the sampling error of a figure
 * @param subsetOf the benchmark this one is a uniform sample of (MATH-500 of MATH), or null: a figure on the subset
 *                 estimates the full test's, so it can be placed on the full test's norm when the subset has none
 */
public record BenchmarkScale(String id, double chance, Double min, Double max, int items, String subsetOf) {
    /** Probabilities are kept inside [EPS, 1 − EPS] before the logit, so 0% and 100% stay finite. */
    static final double EPS = 0.005;

    public BenchmarkScale {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("benchmark id is required");
        if (min == null) min = 0.0;
        if (max == null) max = 100.0;
        if (!(max > chance) || chance < min) {
            throw new IllegalArgumentException("benchmark " + id + ": need min <= chance < max, got " + min + ", " + chance + ", " + max);
        }
        if (items <= 0) throw new IllegalArgumentException("benchmark " + id + ": items must be > 0, got " + items);
        if (id.equals(subsetOf)) throw new IllegalArgumentException("benchmark " + id + ": subset_of names itself");
    }

    /** Share of the way from chance to a perfect score, 0..1 (below chance counts as 0: Open LLM Leaderboard v2). */
    public double aboveChance(double value) {
        return Math.max(0, Math.min(1, (value - chance) / (max - chance)));
    }

    /** The figure on the logit scale, where gains near the ceiling are not compressed. */
    public double logit(double value) {
        double p = clip(aboveChance(value));
        return Math.log(p / (1 - p));
    }

    /** Binomial sampling error of {@link #logit}: sqrt(p(1−p)/n) divided by the slope p(1−p). */
    public double logitStandardError(double value) {
        double p = clip(aboveChance(value));
        return 1.0 / Math.sqrt(items * p * (1 - p));
    }

    private static double clip(double p) { return Math.max(EPS, Math.min(1 - EPS, p)); }
}
