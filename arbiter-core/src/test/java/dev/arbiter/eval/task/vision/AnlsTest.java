package dev.arbiter.eval.task.vision;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * ANLS as computed by the DocVQA (RRC) evaluation script and lmms-eval's docvqa task: 1 − min NL, zeroed only when
 * below τ = 0.5; NL = distance between the normalised strings ÷ the longer raw string's length. Expected values are
 * what that script prints for the same inputs.
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
    void aReadingExactlyHalfWrongKeepsItsHalf() {
        assertThat(Anls.score(List.of("ab"), "ac")).isEqualTo(0.5);
        assertThat(Anls.score(List.of("abcdef"), "abcxyz")).isEqualTo(0.5);
        assertThat(Anls.score(List.of("ABCD"), "AB")).isEqualTo(0.5);
    }

    @Test
    void aReadingMoreThanHalfWrongEarnsNothing() {
        assertThat(Anls.score(List.of("abcde"), "abxyz")).isZero();      // 1 − 3/5 = 0.4 < τ
        assertThat(Anls.score(List.of("abcd"), "abcx")).isCloseTo(0.75, within(1e-12));
        assertThat(Anls.score(List.of("Lyon"), "Rotterdam")).isZero();
    }

    @Test
    void theDistanceIsDividedByTheRawLongerLengthNotTheNormalisedOne() {
        // normalised "a b" vs "a c": distance 1; the reference divides by len("a  b") = 4, not 3
        assertThat(Anls.score(List.of("a  b"), "a c")).isCloseTo(0.75, within(1e-12));
        assertThat(Anls.score(List.of("paris"), "  Paris  ")).isEqualTo(1.0);
        // no-break spaces are whitespace to Python's split(), so they fold too
        assertThat(Anls.normalise("\u00a0Claire\u00a0\u00a0Dubois ")).isEqualTo("claire dubois");
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
