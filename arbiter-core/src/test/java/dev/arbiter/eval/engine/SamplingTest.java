package dev.arbiter.eval.engine;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Sample;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamplingTest {
    static List<String> ids(List<Sample> s) {
        return s.stream().map(Sample::id).toList();
    }

    @Test
    void theSameSeedPicksTheSameSamples() {
        List<Sample> all = TestTasks.samples(100);
        assertThat(ids(Sampling.select(all, 10, 42L))).isEqualTo(ids(Sampling.select(all, 10, 42L))).hasSize(10);
    }

    @Test
    void anotherSeedPicksOtherSamples() {
        List<Sample> all = TestTasks.samples(100);
        assertThat(ids(Sampling.select(all, 10, 1L))).isNotEqualTo(ids(Sampling.select(all, 10, 2L)));
    }

    @Test
    void theDrawIsStableAcrossJavaVersions() {
        // java.util.Random and Collections.shuffle are specified; a hand-run Fisher–Yates with Random(42) gives this.
        assertThat(ids(Sampling.select(TestTasks.samples(10), 3, 42L))).containsExactly("q4", "q6", "q2");
    }

    @Test
    void withoutALimitEverySampleIsKeptInDatasetOrder() {
        List<Sample> all = TestTasks.samples(5);
        assertThat(ids(Sampling.select(all, null, 42L))).containsExactly("q0", "q1", "q2", "q3", "q4");
        assertThat(ids(Sampling.select(all, 50, 42L))).containsExactly("q0", "q1", "q2", "q3", "q4");
    }

    @Test
    void aDuplicateSampleIdIsRefusedWithItsPosition() {
        Sample a = new Sample("x", List.of(ChatMessage.user("1")), null, null, null);
        Sample b = new Sample("x", List.of(ChatMessage.user("2")), null, null, null);
        assertThatThrownBy(() -> Sampling.select(List.of(a, b), null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'x' twice").hasMessageContaining("item 2");
    }
}
