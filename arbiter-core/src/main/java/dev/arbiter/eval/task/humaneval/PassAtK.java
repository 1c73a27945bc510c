package dev.arbiter.eval.task.humaneval;

/**
 * The unbiased pass@k estimator of Chen et al. 2021 ("Evaluating Large Language Models Trained on Code", §2.1):
 * with {@code n} samples of which {@code c} pass, {@code pass@k = 1 - C(n-c, k) / C(n, k)}, the probability that
 * at least one of k samples drawn without replacement passes.
 */
public final class PassAtK {
    private PassAtK() {}

    /**
     * Computed as {@code 1 - prod_{i=n-c+1..n} (1 - k/i)}, which equals the binomial ratio without forming the
     * (huge) binomials.
     *
     * @throws IllegalArgumentException unless {@code 0 <= c <= n} and {@code 1 <= k <= n}
     */
    public static double estimate(int n, int c, int k) {
        if (n < 1) throw new IllegalArgumentException("n (samples) must be >= 1, got " + n);
        if (c < 0 || c > n) throw new IllegalArgumentException("c (correct) must be in [0, n=" + n + "], got " + c);
        if (k < 1 || k > n) throw new IllegalArgumentException("k must be in [1, n=" + n + "], got " + k);
        if (n - c < k) return 1.0;
        double allFail = 1.0;
        for (int i = n - c + 1; i <= n; i++) allFail *= 1.0 - (double) k / i;
        return 1.0 - allFail;
    }
}
