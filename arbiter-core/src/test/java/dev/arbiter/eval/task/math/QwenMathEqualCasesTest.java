package dev.arbiter.eval.task.math;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Qwen2.5-Math's grader test cases ({@code evaluation/grader.py} {@code TestMathEquality.test_math_equal},
 * QwenLM/Qwen2.5-Math 29a82a8802e058c236fe7903ae6d8362df078aa7, with include_percentage and is_close on), against
 * {@link MathEquivalence#qwenEquivalent}, which grades {@code --harness qwen}. Each agrees, or names the deliberate
 * difference.
 */
class QwenMathEqualCasesTest {
    static final String PERCENT = "deliberate: Qwen also accepts the reference times 1/100 or 100 (a percentage read either "
            + "way); Arbiter reads \"10%\" as 10 and does not accept a value 100 times off";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("10", "10", true, null),
                Arguments.of("10%", "0.1", true, PERCENT),
                Arguments.of("[1, 2, 3]", "[1, 2, 3]", true, null),
                Arguments.of("\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}", "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}", true, null),
                Arguments.of("x = y", "x = y", true, null),
                Arguments.of("10", "20", false, null),
                Arguments.of("x = y", "x = z", false, null));
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @MethodSource("cases")
    void agreesWithQwenOrNamesTheDifference(String prediction, String reference, boolean qwen, String difference) {
        boolean arbiter = MathEquivalence.qwenEquivalent(prediction, reference);
        if (difference == null) assertThat(arbiter).isEqualTo(qwen);
        else assertThat(arbiter).as(difference).isEqualTo(!qwen);
    }
}
