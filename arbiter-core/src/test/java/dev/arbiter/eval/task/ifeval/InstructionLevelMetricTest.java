package dev.arbiter.eval.task.ifeval;

import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.Score;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InstructionLevelMetricTest {
    private static SampleScore answer(String prompt, int epoch, int followed, int given) {
        return new SampleScore(prompt, epoch, new Score(followed == given ? 1.0 : 0.0, null, null,
                Map.of("strict_followed", followed, "instructions", given)));
    }

    @Test
    void aPromptsEpochsAreOneClusterNotSeveralPrompts() {
        // epoch 0: A 2/2, B 0/1, C 1/3; epoch 1: A 1/2, B 1/1, C 3/3 → per prompt A 3/4, B 1/2, C 4/6; r = 8/12
        List<SampleScore> scores = List.of(answer("A", 0, 2, 2), answer("B", 0, 0, 1), answer("C", 0, 1, 3),
                answer("A", 1, 1, 2), answer("B", 1, 1, 1), answer("C", 1, 3, 3));
        MetricValue v = new InstructionLevelMetric("inst_level_strict_acc", "strict_followed").compute(scores);
        assertThat(v.value()).isEqualTo(8.0 / 12);
        assertThat(v.n()).isEqualTo(3);
        // residuals fᵢ − r·nᵢ: 1/3, −1/3, 0; SE = √(2/9 / (3·2)) ÷ (12/3)
        assertThat(v.stderr()).isCloseTo(Math.sqrt((2.0 / 9) / 6) / 4, within(1e-12));
        assertThat(v.ciLow()).isCloseTo(8.0 / 12 - 1.959963984540054 * v.stderr(), within(1e-12));
    }

    @Test
    void withOneEpochEachAnswerIsItsPrompt() {
        List<SampleScore> scores = List.of(answer("A", 0, 2, 2), answer("B", 0, 0, 1), answer("C", 0, 1, 3));
        MetricValue v = new InstructionLevelMetric("inst_level_strict_acc", "strict_followed").compute(scores);
        assertThat(v.value()).isEqualTo(3.0 / 6);
        assertThat(v.n()).isEqualTo(3);
        // residuals 2 − 1, 0 − 0.5, 1 − 1.5 → 1, −0.5, −0.5; SE = √(1.5 / 6) ÷ 2
        assertThat(v.stderr()).isCloseTo(Math.sqrt(1.5 / 6) / 2, within(1e-12));
    }
}
