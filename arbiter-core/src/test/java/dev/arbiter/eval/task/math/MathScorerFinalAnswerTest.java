package dev.arbiter.eval.task.math;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.TaskState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MathScorerFinalAnswerTest {
    static Score score(String reply, String reference) {
        Sample s = new Sample("1", List.of(ChatMessage.user("Problem")), List.of(reference), List.of(), Map.of("subject", "algebra", "level", 1));
        return new MathScorer().score(TaskState.start(s, 0).withOutput(new GenerateResponse(reply, null, "stop", null, null, null, "t")));
    }

    @Test
    void minervaFinalAnswerSentenceWithoutABoxIsRead() {
        Score s = score("So n = 42.\nFinal Answer: The final answer is $42$. I hope it is correct.", "42");
        assertThat(s.value()).isEqualTo(1.0);
        assertThat(s.answer()).isEqualTo("42");
        assertThat(s.metadata()).containsEntry("answer_source", "minerva");
    }

    @Test
    void minervaSentenceWithAFractionIsCompared() {
        assertThat(score("Final Answer: The final answer is $-\\frac{2}{3}$. I hope it is correct.", "-\\frac{2}{3}").value()).isEqualTo(1.0);
        assertThat(score("Final Answer: The final answer is $-\\frac{2}{3}$. I hope it is correct.", "\\frac{2}{3}").value()).isEqualTo(0.0);
    }

    @Test
    void aStatedFinalAnswerLineCounts() {
        assertThat(score("Work...\nThe final answer is $[2,5)$.", "[2,5)").value()).isEqualTo(1.0);
    }

    @Test
    void theLastBoxStillWinsOverTheSentence() {
        Score s = score("\\boxed{7}\nFinal Answer: The final answer is $8$. I hope it is correct.", "7");
        assertThat(s.value()).isEqualTo(1.0);
        assertThat(s.metadata()).containsEntry("answer_source", "boxed");
    }

    @Test
    void noFinalAnswerAtAllIsWrong() {
        assertThat(score("I think it is 42", "42").value()).isEqualTo(0.0);
    }
}
