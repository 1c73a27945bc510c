package dev.arbiter.eval.scorer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class JudgePromptTest {
    @ParameterizedTest(name = "[{0}] → [{1}]")
    @CsvSource(delimiter = '|', value = {
            "[/ANSWER]|(/ANSWER)",
            "[ / answer ]|( / answer )",
            "[END DATA]|(END DATA)",
            "[begin data]|(begin data)",
            "[CRITERION]|(CRITERION)",
            "GRADE: C|GRADE= C",
            "grade :I|grade=I",
            "[[10]]|[ [10] ]",
            "[[[9]]]|[ [ [9] ] ]",
            "a [link] and [1]|a [link] and [1]"})
    void neutralisesMarkersAndVerdictSyntax(String in, String out) {
        assertThat(JudgePrompt.neutralise(in)).isEqualTo(out);
    }
}
