package dev.arbiter.eval.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Expected p-values computed independently (Python: math.comb sums; math.erfc; scipy.stats.binomtest agrees on 10/2). */
class McNemarTest {
    @ParameterizedTest(name = "b={0}, c={1} → exact p={2}")
    @CsvSource({
            "10, 2, 0.03857421875",
            "2, 10, 0.03857421875",
            "0, 6, 0.03125",
            "5, 5, 1.0",
            "3, 9, 0.14599609375",
            "14, 10, 0.5412561893463135"})
    void fewDiscordantPairsUseTheExactBinomialTest(int b, int c, double p) {
        McNemarResult r = McNemar.test(b, c);
        assertThat(r.method()).isEqualTo("mcnemar_exact");
        assertThat(r.pValue()).isCloseTo(p, within(1e-12));
    }

    @ParameterizedTest(name = "b={0}, c={1} → chi2={2}, p={3}")
    @CsvSource({
            "15, 10, 0.64, 0.4237107971667934",
            "30, 15, 4.355555555555555, 0.03688842570704985",
            "40, 10, 16.82, 4.109787809945886e-05",
            "20, 20, 0.0, 1.0"})
    void manyDiscordantPairsUseTheContinuityCorrectedChiSquare(int b, int c, double chi2, double p) {
        McNemarResult r = McNemar.test(b, c);
        assertThat(r.method()).isEqualTo("mcnemar_chi2_cc");
        assertThat(r.statistic()).isCloseTo(chi2, within(1e-12));
        assertThat(r.pValue()).isCloseTo(p, within(1e-7 * Math.max(p, 1e-3)));
    }

    @Test
    void noDiscordantPairsMeansNoEvidence() {
        assertThat(McNemar.test(0, 0).pValue()).isEqualTo(1.0);
    }
}
