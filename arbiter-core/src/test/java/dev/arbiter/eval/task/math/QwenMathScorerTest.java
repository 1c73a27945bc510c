package dev.arbiter.eval.task.math;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.harness.HarnessGrading;
import dev.arbiter.eval.harness.HarnessProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * M6: {@code --harness qwen} grades as Qwen2.5-Math's {@code extract_answer} + {@code math_equal} do (each case's
 * verdict there is True), while Arbiter's own grader keeps its stricter verdicts.
 */
class QwenMathScorerTest {
    private static Score score(dev.arbiter.eval.Scorer scorer, String reply, String reference) {
        Sample s = new Sample("1", List.of(ChatMessage.user("Problem")), List.of(reference), List.of(), Map.of("subject", "algebra", "level", 1));
        return scorer.score(TaskState.start(s, 0).withOutput(new GenerateResponse(reply, null, "stop", null, null, null, "t")));
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', value = {"We add 40 and 2, so the answer is 42.|42", "We add them: 40 + 2 = 42|42",
            "So $\\boxed{0.33333}$.|\\frac{1}{3}", "So $\\boxed{1.41421}$.|\\sqrt{2}"})
    void qwenProfileScoresWhatQwenScoresAndArbiterDoesNot(String reply, String reference) {
        assertThat(score(new QwenMathScorer(), reply, reference).value()).isEqualTo(1.0);
        assertThat(score(new MathScorer(), reply, reference).value()).isEqualTo(0.0);
    }

    @Test
    void qwenProfileRecordsWhereTheAnswerWasFound() {
        Score s = score(new QwenMathScorer(), "We add them: 40 + 2 = 42", "42");
        assertThat(s.answer()).isEqualTo("42");
        assertThat(s.metadata()).containsEntry("answer_source", "last_number").containsEntry("boxed", false);
    }

    @Test
    void qwenProfileStillRejectsWrongAnswers() {
        assertThat(score(new QwenMathScorer(), "So $\\boxed{0.3333}$.", "\\frac{1}{3}").value()).isEqualTo(1.0); // within 1e-4
        assertThat(score(new QwenMathScorer(), "So $\\boxed{0.333}$.", "\\frac{1}{3}").value()).isEqualTo(0.0);
        assertThat(score(new QwenMathScorer(), "So the answer is 41.", "42").value()).isEqualTo(0.0);
        assertThat(score(new QwenMathScorer(), "Nothing to say", "42").value()).isEqualTo(0.0);
    }

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource(delimiter = '|', value = {"0.33333|\\frac{1}{3}|true", "1.41421|\\sqrt{2}|true", "(1, 0.33333)|(1, \\frac{1}{3})|true",
            "\\frac{\\sqrt{3}}{2}|0.866|true", "1.0001|1|true", "2^{65}+1|2^{65}|true", "1.00011|1|false", "3.1416|\\pi|false",
            "x+0.33333|x+\\frac13|false"})
    void qwenToleranceIsGraderPysIsclose(String prediction, String reference, boolean qwen) {
        assertThat(MathEquivalence.qwenEquivalent(prediction, reference)).isEqualTo(qwen);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', value = {"0.33333|\\frac{1}{3}", "1.41421|\\sqrt{2}", "2^{65}+1|2^{65}"})
    void arbitersOwnGraderKeepsNoTolerance(String prediction, String reference) {
        assertThat(MathEquivalence.equivalent(prediction, reference)).isFalse();
    }

    @Test
    void rescoreWithTheQwenProfileUsesQwensGrader() {
        assertThat(HarnessGrading.of("math500", HarnessProfile.QWEN).scorer()).isInstanceOf(QwenMathScorer.class);
        assertThat(HarnessGrading.of("math", HarnessProfile.ARBITER).scorer()).isInstanceOf(MathScorer.class);
    }
}
