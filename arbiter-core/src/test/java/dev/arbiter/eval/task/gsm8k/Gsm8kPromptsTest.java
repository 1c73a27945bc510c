package dev.arbiter.eval.task.gsm8k;

import dev.arbiter.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class Gsm8kPromptsTest {
    private static final List<Gsm8kProblem> TRAIN = Gsm8kLoader.load(SharedData.path("gsm8k/train.jsonl"));

    @Test
    void standardEightShotPromptHasTheEightLmEvalExemplarsThenTheQuestion() {
        String prompt = Gsm8kPrompts.fewShot(Gsm8kPrompts.STANDARD_SHOTS, "How many?");
        assertThat(prompt).startsWith("Q: There are 15 trees in the grove.");
        assertThat(prompt.split("\nA: ", -1)).hasSize(9);
        assertThat(prompt).contains("The answer is 8.\n\nQ: How many?\nA:");
        assertThat(prompt).endsWith("Q: How many?\nA:");
    }

    @Test
    void trainShotsAreTheSameForTheSameSeedAndDifferForAnother() {
        List<Gsm8kPrompts.Shot> a = Gsm8kPrompts.trainShots(TRAIN, 8, 1234);
        List<Gsm8kPrompts.Shot> b = Gsm8kPrompts.trainShots(TRAIN, 8, 1234);
        List<Gsm8kPrompts.Shot> c = Gsm8kPrompts.trainShots(TRAIN, 8, 99);
        assertThat(a).hasSize(8).doesNotHaveDuplicates().isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void trainShotsEndWithTheAnswerSentenceAndLoseCalculatorAnnotations() {
        for (Gsm8kPrompts.Shot s : Gsm8kPrompts.trainShots(TRAIN, 8, 7)) {
            assertThat(s.answer()).doesNotContain("<<").doesNotContain("####").matches("(?s).*The answer is -?[0-9.]+\\.");
            assertThat(NumberAnswer.strict(s.answer()).source()).isEqualTo(NumberAnswer.Source.ANSWER_IS);
        }
    }

    @Test
    void trainShotAnswerCarriesTheGoldOfItsProblem() {
        Gsm8kProblem first = TRAIN.get(0);
        Gsm8kPrompts.Shot shot = Gsm8kPrompts.asShot(first);
        assertThat(shot.question()).isEqualTo(first.question());
        assertThat(NumberAnswer.strict(shot.answer()).value()).isEqualTo(first.gold());
    }
}
