package dev.arbiter.eval.task.math;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link QwenAnswer} against Qwen2.5-Math's own {@code extract_answer(pred, "math")} (evaluation/parser.py, a45202b):
 * each expected value is what that function returned for the same text.
 */
class QwenAnswerTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("We add them: 40 + 2 = 42.\n\nSo the answer is 42.", "42", QwenAnswer.Source.ANSWER_IS),
                Arguments.of("We add them: 40 + 2 = 42", "42", QwenAnswer.Source.LAST_NUMBER),
                Arguments.of("x = 1,234 and then 5", "5", QwenAnswer.Source.LAST_NUMBER),
                Arguments.of("The answer is: 12.", "12", QwenAnswer.Source.ANSWER_IS),
                Arguments.of("So the final answer is 7", "7", QwenAnswer.Source.FINAL_ANSWER_IS),
                Arguments.of("Final Answer: The final answer is $8$. I hope it is correct. But \\boxed{7}", "8", QwenAnswer.Source.MINERVA),
                Arguments.of("The answer is 3, so $\\boxed{\\frac{1}{2}}$.", "\\frac{1}{2}", QwenAnswer.Source.BOXED),
                Arguments.of("so $\\boxed 5$ it is", "5", QwenAnswer.Source.BOXED),
                Arguments.of("the result: \\boxed{\\frac{1}{2}", "\\frac{1}{2}", QwenAnswer.Source.BOXED),
                Arguments.of("no digits here", "", QwenAnswer.Source.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsWhatQwensExtractAnswerReads(String completion, String answer, QwenAnswer.Source source) {
        QwenAnswer.Found found = QwenAnswer.extract(completion);
        assertThat(found.value()).isEqualTo(answer);
        assertThat(found.source()).isEqualTo(source);
    }
}
