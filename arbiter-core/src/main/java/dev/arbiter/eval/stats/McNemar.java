package dev.arbiter.eval.stats;

/**
 * McNemar's test for two models scored pass/fail on the same samples. Only the discordant pairs count. With fewer
 * than {@link #EXACT_BELOW} of them the exact two-sided binomial test is used (p = 2·P(X ≤ min(b, c)),
 * X ~ Bin(b + c, ½), capped at 1); otherwise the chi-square with Edwards' continuity correction,
 * (|b − c| − 1)² / (b + c) on one degree of freedom.
 */
public final class McNemar {
    public static final int EXACT_BELOW = 25;

    private McNemar() {}

    public static McNemarResult test(int b, int c) {
        if (b < 0 || c < 0) throw new IllegalArgumentException("discordant counts must be >= 0, got b=" + b + ", c=" + c);
        int n = b + c;
        if (n == 0) return new McNemarResult(b, c, 1.0, null, "mcnemar_exact");
        if (n < EXACT_BELOW) {
            double p = Math.min(1.0, 2.0 * Distributions.binomialHalfCdf(Math.min(b, c), n));
            return new McNemarResult(b, c, p, null, "mcnemar_exact");
        }
        double d = Math.max(0, Math.abs(b - c) - 1.0);
        double chi2 = d * d / n;
        return new McNemarResult(b, c, Distributions.chiSquare1Survival(chi2), chi2, "mcnemar_chi2_cc");
    }
}
