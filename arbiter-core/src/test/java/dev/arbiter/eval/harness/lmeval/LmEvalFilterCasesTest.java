package dev.arbiter.eval.harness.lmeval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * lm-eval's own filter test cases ({@code tests/test_filters.py}, EleutherAI/lm-evaluation-harness 4e7e0d47) and the
 * GSM8K filters of {@code lm_eval/tasks/gsm8k/gsm8k.yaml} / {@code gsm8k-cot.yaml} on typical replies; the expected
 * values are what Python's {@code re} gives for those patterns.
 */
class LmEvalFilterCasesTest {
    @Test
    void allEmptyCaptureGroupsFallBackToChoiceText() { // test_multi_choice_regex_all_empty_capture_groups_falls_back_to_choice_text
        var f = new MultiChoiceRegexFilter("()()", 0, true, true, List.of());
        assertThat(f.apply("alpha", List.of("alpha", "beta"))).isEqualTo("(A)");
    }

    @Test
    void allEmptyCaptureGroupsFallBackToBareLetter() { // test_multi_choice_regex_all_empty_capture_groups_falls_back_to_bare_letter
        var f = new MultiChoiceRegexFilter("()()", 0, false, false, List.of());
        assertThat(f.apply(": B", List.of("alpha", "beta"))).isEqualTo("(B)");
    }

    @Test
    void nothingFoundIsInvalid() {
        var f = new MultiChoiceRegexFilter("\\(([A-D])\\)", 0, false, false, List.of());
        assertThat(f.apply("no idea", List.of("alpha", "beta"))).isEqualTo("[invalid]");
    }

    /** Python's {@code re}: the class is greedy and the unescaped final "." takes any character, even a digit. */
    @ParameterizedTest(name = "strict gsm8k-cot on [{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "The answer is 18.|18", "The answer is 18|1", "The answer is 1,000.00. Done|1,000.00.",
            "The answer is 5. Then the answer is 7.|5.", "The answer is -3.|-3", "the answer is 4.|[invalid]",
            "The answer is $18.|[invalid]"})
    void gsm8kCotStrictMatch(String reply, String expected) {
        assertThat(RegexFilter.of("The answer is (\\-?[0-9\\.\\,]+).").apply(reply)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "flexible on [{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {"so 3 + 4 = 7 apples|7", "costs $1,200 in total.|$1,200", "It is 42.|42.", "none|[invalid]"})
    void gsm8kFlexibleExtract(String reply, String expected) {
        assertThat(new RegexFilter("(-?[$0-9.,]{2,})|(-?[0-9]+)", -1, null).apply(reply)).isEqualTo(expected);
    }

    @Test
    void gsm8kExactMatchRemovesCommasDollarsTheSolutionAndATrailingPeriod() {
        assertThat(ExactMatch.GSM8K.matches("18", "He pays 18.\n#### 18")).isTrue();
        assertThat(ExactMatch.GSM8K.matches("$1,200", "#### 1200")).isTrue();
        assertThat(ExactMatch.GSM8K.matches("42.", "#### 42")).isTrue();
        assertThat(ExactMatch.GSM8K.matches("5.", "#### 5")).isTrue();
    }

    @Test
    void gsm8kExactMatchIsTextEqualityNotNumeric() {
        assertThat(ExactMatch.GSM8K.matches("1,000.00.", "#### 1000")).isFalse();
        assertThat(ExactMatch.GSM8K.matches("18.0", "#### 18")).isFalse();
        assertThat(ExactMatch.GSM8K.matches("[invalid]", "#### 18")).isFalse();
    }
}
