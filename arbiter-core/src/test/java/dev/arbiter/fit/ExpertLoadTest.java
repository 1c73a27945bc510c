package dev.arbiter.fit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ExpertLoadTest {

    @Test
    void oneChosenExpertIsAlwaysOneOnTheBusiestGpu() {
        assertThat(ExpertLoad.expectedBusiest(16, 1, 8)).isCloseTo(1.0, within(1e-12));
        assertThat(ExpertLoad.expectedBusiest(128, 1, 8)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void twoOfSixteenOnEightGpusShareAGpuWithProbabilityEightInAHundredAndTwenty() {
        // 8 GPUs × C(2,2) pairs on one GPU, out of C(16,2) = 120 pairs.
        assertThat(ExpertLoad.expectedBusiest(16, 2, 8)).isCloseTo(1 + 8.0 / 120, within(1e-12));
    }

    @Test
    void choosingEveryExpertLoadsEachGpuWithItsShareAndOneGpuTakesAll() {
        assertThat(ExpertLoad.expectedBusiest(16, 16, 8)).isCloseTo(2.0, within(1e-9));
        assertThat(ExpertLoad.expectedBusiest(256, 8, 1)).isEqualTo(8.0);
    }

    @Test
    void deepSeeksEightOfTwoHundredFiftySixOnEightGpusPutAboutTwoAndAHalfOnTheBusiest() {
        double busiest = ExpertLoad.expectedBusiest(256, 8, 8);
        assertThat(busiest).isBetween(2.3, 3.0);
        assertThat(busiest).isGreaterThan(8.0 / 8);  // far above the even share the tensor-parallel slice reads
    }

    @Test
    void impossibleDrawsAreRefused() {
        assertThatThrownBy(() -> ExpertLoad.expectedBusiest(8, 9, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
