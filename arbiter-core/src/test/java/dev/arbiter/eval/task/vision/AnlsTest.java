package dev.arbiter.eval.task.vision;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * ANLS as defined by Biten et al. (ICCV 2019, "Scene Text Visual Question Answering", eq. 1) and computed by the
 * DocVQA evaluation script and lmms-eval's docvqa task: 1 − NL below τ = 0.5, else 0, best over the answers;
 * case and surrounding / repeated spaces do not count.
 */
class AnlsTest {
    @Test
    void anExactAnswerScoresOne() {
        assertThat(Anls.score(List.of("INV-48213"), "INV-48213")).isEqualTo(1.0);
    }

    @Test
    void caseAndSpacingAreIgnored() {
        assertThat(Anls.score(List.of("Claire Dubois"), "  claire   DUBOIS ")).isEqualTo(1.0);
    }

    @Test
    void oneWrongCharacterInFiveCostsOneFifth() {
        assertThat(Anls.score(List.of("hello"), "helo")).isCloseTo(0.8, within(1e-12));
        assertThat(Anls.score(List.of("hello"), "jello")).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void aReadingHalfWrongOrWorseEarnsNothing() {
        assertThat(Anls.score(List.of("abcd"), "abxy")).isZero();        // NL = 2/4 = τ: not below it
        assertThat(Anls.score(List.of("abcd"), "abcx")).isCloseTo(0.75, within(1e-12));
        assertThat(Anls.score(List.of("Lyon"), "Rotterdam")).isZero();
    }

    @Test
    void theBestOfSeveralGroundTruthsCounts() {
        assertThat(Anls.score(List.of("1 March 2021", "March 1, 2021"), "March 1, 2021")).isEqualTo(1.0);
        assertThat(Anls.score(List.of("$1,234.50", "1234.50"), "1234.5")).isCloseTo(1 - 1 / 7.0, within(1e-12));
    }

    @Test
    void levenshteinCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(Anls.levenshtein("kitten", "sitting")).isEqualTo(3);
        assertThat(Anls.levenshtein("", "abc")).isEqualTo(3);
        assertThat(Anls.levenshtein("flaw", "lawn")).isEqualTo(2);
    }

    @Test
    void anEmptyAnswerAgainstAnEmptyTruthIsRight() {
        assertThat(Anls.score(List.of(""), "")).isEqualTo(1.0);
    }
}
