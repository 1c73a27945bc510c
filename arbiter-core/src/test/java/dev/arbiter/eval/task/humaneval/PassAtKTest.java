package dev.arbiter.eval.task.humaneval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PassAtKTest {
    @ParameterizedTest(name = "n={0} c={1} k={2} -> {3}")
    @CsvSource({
            // 1 - C(3,1)/C(5,1) = 1 - 3/5
            "5, 2, 1, 0.4",
            // 1 - C(3,2)/C(5,2) = 1 - 3/10
            "5, 2, 2, 0.7",
            // 1 - C(3,3)/C(5,3) = 1 - 1/10
            "5, 2, 3, 0.9",
            // n - c < k: every draw of 4 contains a pass
            "5, 2, 4, 1.0",
            "5, 0, 1, 0.0",
            "5, 5, 1, 1.0",
            "1, 1, 1, 1.0",
            // 1 - C(7,5)/C(10,5) = 1 - 21/252
            "10, 3, 5, 0.9166666666666666",
            // pass@1 is the plain pass rate c/n
            "200, 37, 1, 0.185"})
    void matchesHandComputedValues(int n, int c, int k, double expected) {
        assertThat(PassAtK.estimate(n, c, k)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void agreesWithExactBinomialsWhereTheyOverflowADouble() {
        int n = 1000, c = 13, k = 100;
        BigInteger num = binomial(n - c, k);
        BigInteger den = binomial(n, k);
        double exact = 1 - new java.math.BigDecimal(num).divide(new java.math.BigDecimal(den),
                java.math.MathContext.DECIMAL128).doubleValue();

        assertThat(PassAtK.estimate(n, c, k)).isCloseTo(exact, within(1e-12));
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> PassAtK.estimate(5, 6, 1)).hasMessageContaining("c (correct)");
        assertThatThrownBy(() -> PassAtK.estimate(5, 2, 6)).hasMessageContaining("k must be in [1, n=5]");
        assertThatThrownBy(() -> PassAtK.estimate(0, 0, 1)).hasMessageContaining("n (samples)");
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < k; i++) r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        return r;
    }
}
