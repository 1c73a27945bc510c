package dev.arbiter.eval.stats;

import dev.arbiter.eval.engine.MetricUnit;

import java.util.List;

/**
 * Run A against run B on the samples both scored.
 *
 * @param shared      samples scored in both runs (the n of every statistic here)
 * @param onlyInA     samples scored only in A (left out)
 * @param onlyInB     samples scored only in B (left out)
 * @param unit        what the per-sample scores, their means and the difference are: {@code proportion} (read in
 *                    percentage points) or {@code score} (on the metric's own scale)
 * @param difference  meanA − meanB
 * @param ciLow       95% interval of the difference (paired bootstrap, percentile)
 * @param pValue      two-sided p-value of {@code test}
 * @param test        {@code mcnemar_exact}, {@code mcnemar_chi2_cc} (pass/fail scores) or {@code paired_bootstrap}
 * @param aOnlyPassed for pass/fail scores, pairs A passed and B failed (McNemar's b); null otherwise
 * @param bOnlyPassed for pass/fail scores, pairs B passed and A failed (McNemar's c); null otherwise
 * @param minimumDetectable smallest difference this n detects with 80% power at α = 0.05 (from the observed
 *                    spread of the differences); null when every pair agreed exactly
 * @param warnings    plain sentences for people: why the result may not tell the models apart
 */
public record Comparison(int shared, int onlyInA, int onlyInB, MetricUnit unit, double meanA, double meanB, double difference,
                         double ciLow, double ciHigh, double pValue, String test, Integer aOnlyPassed, Integer bOnlyPassed,
                         Double minimumDetectable, boolean significant, List<String> warnings) {
    public Comparison {
        warnings = List.copyOf(warnings);
    }
}
