package dev.arbiter.eval.task.vision;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class VisionScorerTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "42|42",
            "42.|42",
            "Answer: 42|42",
            "final answer: **Paris**|Paris",
            "'Paris'|Paris",
            "The chart shows several bars.\\nAnswer: 3.5.|3.5",
            "'  '|''",
    })
    void thePredictionIsTheLastLineWithoutLabelsOrWrappers(String completion, String expected) {
        assertThat(VisionScorer.prediction(completion.replace("\\n", "\n"))).isEqualTo(expected);
    }
}
