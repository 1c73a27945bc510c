package dev.arbiter.eval.stats;

/**
 * McNemar's test on paired pass/fail outcomes.
 *
 * @param b         samples A passed and B failed
 * @param c         samples A failed and B passed
 * @param statistic the continuity-corrected chi-square, or null for the exact test
 * @param method    {@code mcnemar_exact} or {@code mcnemar_chi2_cc}
 */
public record McNemarResult(int b, int c, double pValue, Double statistic, String method) {}
