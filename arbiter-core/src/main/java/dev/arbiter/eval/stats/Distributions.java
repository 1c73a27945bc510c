package dev.arbiter.eval.stats;

/** The few distribution functions the paired tests and the recommender's intervals need. */
public final class Distributions {
    /** z for a two-sided 95% interval and for 80% power. */
    static final double Z_975 = 1.959963984540054;
    static final double Z_80 = 0.8416212335729143;

    private Distributions() {}

    /**
     * Complementary error function; Chebyshev fit from Numerical Recipes (2nd ed., erfcc), fractional error
     * below 1.2e-7 everywhere — ample for p-values shown to four places.
     */
    public static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2.0 - r;
    }

    /** Standard normal CDF, Φ(z). */
    public static double normalCdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2.0));
    }

    /** P(X > x) for a chi-square variable with one degree of freedom. */
    static double chiSquare1Survival(double x) {
        if (x <= 0) return 1.0;
        return erfc(Math.sqrt(x / 2.0));
    }

    /** P(X <= k) for X ~ Binomial(n, 1/2), summed exactly term by term (n is small where this is used). */
    static double binomialHalfCdf(int k, int n) {
        double term = Math.pow(0.5, n);
        double sum = term;
        for (int i = 0; i < k; i++) {
            term = term * (n - i) / (i + 1);
            sum += term;
        }
        return Math.min(1.0, sum);
    }
}
