package dev.arbiter.eval.task.vision;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cases worked through pix2struct's {@code relaxed_correctness} (google-research/pix2struct, pix2struct/metrics.py,
 * the function lmms-eval's chartqa task calls): numbers within 5% relative, '%' divides by 100, a zero target
 * compares as text, anything else is case-insensitive equality.
 */
class RelaxedAccuracyTest {
    @ParameterizedTest(name = "target {0}, prediction {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "100|100|true",
            "100|104.9|true",
            "100|95|true",
            "100|105.1|false",
            "100|94.9|false",
            "1.5|1.52|true",
            "-20|-21|true",
            "-20|-22|false",
            "50%|0.5|true",
            "0.5|50%|true",
            "25|25%|false",
            "0|0|true",
            "0|0.01|false",
            "0|0.0|false",
            "Apples|apples|true",
            "Apples|Apple|false",
            "1,000|1000|false",
            "12|12 units|false",
            "1e2|100|true",
    })
    void matchesTheReferenceRule(String target, String prediction, boolean expected) {
        assertThat(RelaxedAccuracy.correct(target, prediction)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"25,1.0", "25%,1.0", "30,0.0"})
    void aPredictionIsRightWhenAnyAcceptedAnswerAcceptsIt(String prediction, double expected) {
        assertThat(RelaxedAccuracy.score(List.of("25", "25%"), prediction)).isEqualTo(expected);
    }
}
