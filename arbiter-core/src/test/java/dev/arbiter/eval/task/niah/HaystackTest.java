package dev.arbiter.eval.task.niah;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HaystackTest {
    private static final Needle NEEDLE = new Needle("Osaka", "482913");

    @Test
    void theSameSeedGivesTheSameTextAndAnotherSeedAnotherText() {
        assertThat(Haystack.build(7, 20_000, 50, NEEDLE)).isEqualTo(Haystack.build(7, 20_000, 50, NEEDLE));
        assertThat(Haystack.build(8, 20_000, 50, NEEDLE).text()).isNotEqualTo(Haystack.build(7, 20_000, 50, NEEDLE).text());
        assertThat(Needle.random(new SplittableRandom(3))).isEqualTo(Needle.random(new SplittableRandom(3)));
    }

    @ParameterizedTest(name = "depth {0}%")
    @ValueSource(ints = {0, 10, 25, 50, 75, 90, 100})
    void theNeedleSitsAtTheRequestedDepthOnASentenceBoundary(int depth) {
        Haystack h = Haystack.build(11, 40_000, depth, NEEDLE);
        assertThat(h.text().substring(h.needleOffset())).startsWith(NEEDLE.sentence());
        assertThat(h.actualDepthPercent()).isCloseTo(depth, within(0.5)); // sentences are ~80 of 40 000 chars
        if (h.needleOffset() > 0) assertThat(h.text().substring(0, h.needleOffset())).endsWith(". ");
    }

    @Test
    void theEndsAreExact() {
        assertThat(Haystack.build(1, 5_000, 0, NEEDLE).text()).startsWith(NEEDLE.sentence() + " The ");
        assertThat(Haystack.build(1, 5_000, 100, NEEDLE).text()).endsWith(". " + NEEDLE.sentence());
    }

    @Test
    void thePasscodeOccursExactlyOnceBecauseFillerHasNoDigits() {
        String filler = Filler.generate(5, 100_000);
        assertThat(filler).hasSizeGreaterThanOrEqualTo(100_000).doesNotContainPattern("\\d");
        Haystack h = Haystack.build(5, 100_000, 40, NEEDLE);
        assertThat(h.text().split("482913", -1)).hasSize(2);
    }
}
