package dev.arbiter.eval.harness.lmeval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values printed by CPython 3 ({@code python3 -c "import random; r = random.Random(1234); ..."}), the generator behind
 * lm-eval's default few-shot sampler.
 */
class PythonRandomTest {
    @Test
    void theFirstWordsEqualCPythonsSeededWith1234() {
        PythonRandom r = new PythonRandom(1234);
        assertThat(new long[] {r.getrandbits(32), r.getrandbits(32), r.getrandbits(32)})
                .containsExactly(4150886329L, 3342196574L, 1892932127L);
    }

    @Test
    void successiveSamplesOfFiveFromTheGsm8kTrainSplitEqualCPythons() {
        // r = random.Random(1234); [r.sample(range(7473), 5) for _ in range(4)]
        PythonRandom r = new PythonRandom(1234);
        assertThat(r.sample(7473, 5)).containsExactly(6374, 3610, 957, 61, 742);
        assertThat(r.sample(7473, 5)).containsExactly(7462, 6610, 4769, 286, 5501);
        assertThat(r.sample(7473, 5)).containsExactly(5677, 687, 806, 6279, 2905);
        assertThat(r.sample(7473, 5)).containsExactly(1939, 142, 252, 6461, 129);
    }

    @Test
    void aSmallPopulationTakesThePoolBranchAsCPythonDoes() {
        // random.Random(7).sample(range(10), 4), random.Random(7).sample(range(100), 8)
        assertThat(new PythonRandom(7).sample(10, 4)).containsExactly(EXPECTED_SMALL);
        assertThat(new PythonRandom(7).sample(100, 8)).containsExactly(EXPECTED_EIGHT);
    }

    private static final int[] EXPECTED_SMALL = {5, 2, 6, 9};
    private static final int[] EXPECTED_EIGHT = {41, 19, 50, 83, 6, 9, 68, 12};
}
