package dev.arbiter.eval.task.gsm8k;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.TaskState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The strict verdict is lm-eval's strict-match: its regex, its first match, its exact_match (issue 10). */
class Gsm8kStrictMatchTest {
    private static Score score(String reply, String gold) {
        Sample s = new Sample("0", List.of(ChatMessage.user("Q")), List.of(gold), List.of(), Map.of("solution", "Work.\n#### " + gold));
        return new Gsm8kScorer().score(TaskState.start(s, 0).withOutput(new GenerateResponse(reply, null, "stop", null, null, null, "t")));
    }

    @Test
    void theFirstStatedAnswerCountsAsInLmEval() {
        Score s = score("The answer is 5. Wait, no: the answer is 7. The answer is 7.", "7");
        assertThat(s.metadata()).containsEntry("strict", 0.0).containsEntry("strict_answer", "5.");
        assertThat(s.value()).isEqualTo(1.0); // Arbiter's flexible verdict keeps the last statement: a model may correct itself
    }

    @Test
    void aNumberWrittenAsADecimalIsNotStrictlyTheInteger() {
        assertThat(score("The answer is 18.0.", "18").metadata()).containsEntry("strict", 0.0);
        assertThat(score("The answer is 18.", "18").metadata()).containsEntry("strict", 1.0);
        assertThat(score("The answer is $1,200.", "1200").metadata()).containsEntry("strict", 0.0); // "$" is outside the class
        assertThat(score("The answer is 1,200.", "1200").metadata()).containsEntry("strict", 1.0);
    }

    @Test
    void arbitersAccuracyReadsTheFinalAnswerWhileStrictMatchStaysLmEvals() {
        Score chain = score("The answer is 3 + 15 = 18.", "18");
        assertThat(chain.value()).isEqualTo(1.0);
        assertThat(chain.metadata()).containsEntry("strict", 0.0).containsEntry("strict_answer", "3");
        assertThat(score("First the answer is 5 apples for Tom. The final answer is $\\boxed{6}$.", "6").value()).isEqualTo(1.0);
        assertThat(score("In all: $\\boxed{1{,}000}$", "1000").value()).isEqualTo(1.0);
    }

    @Test
    void hashesCountWhenNoAnswerSentence() {
        assertThat(score("Work.\n#### 42", "42").metadata()).containsEntry("strict", 1.0);
    }

    @Test
    void aFinalSentenceWithoutPeriodLosesItsLastDigitAsInLmEval() {
        assertThat(score("The answer is 18", "18").metadata()).containsEntry("strict", 0.0).containsEntry("strict_answer", "1");
    }
}
