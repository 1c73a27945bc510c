package dev.arbiter.eval.task.mtbench;

import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.Score;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TurnMeanMetricTest {
    private static SampleScore rated(String id, int epoch, String category, Double turn1, Double turn2) {
        Map<String, Object> meta = new HashMap<>();
        meta.put("category", category);
        if (turn1 != null) meta.put("turn_1", turn1);
        if (turn2 != null) meta.put("turn_2", turn2);
        return new SampleScore(id, epoch, new Score(1.0, null, null, meta));
    }

    private static final TurnMeanMetric SCORE = new TurnMeanMetric("score", List.of("turn_1", "turn_2"), null);

    @Test
    void eachRatedTurnIsOneValue() {
        MetricValue v = SCORE.compute(List.of(rated("81", 0, "writing", 8.0, 6.0), rated("82", 0, "math", 4.0, null)));
        assertThat(v.value()).isEqualTo(6.0);
        assertThat(v.n()).isEqualTo(3);  // the unrated turn is left out, as FastChat leaves out -1
        // values 8, 6, 4: s = 2, SE = 2 / √3
        assertThat(v.stderr()).isCloseTo(2 / Math.sqrt(3), within(1e-12));
    }

    @Test
    void epochsOfOneQuestionAreNotMoreTurns() {
        // two epochs: question 81's turn 1 rated 8 then 6 (mean 7), turn 2 6 then 6; question 82's turn 1 4 then 2
        MetricValue v = SCORE.compute(List.of(rated("81", 0, "writing", 8.0, 6.0), rated("82", 0, "math", 4.0, null),
                rated("81", 1, "writing", 6.0, 6.0), rated("82", 1, "math", 2.0, null)));
        assertThat(v.n()).isEqualTo(3);
        assertThat(v.value()).isCloseTo((7.0 + 6.0 + 3.0) / 3, within(1e-12));
        MetricValue turn1 = new TurnMeanMetric("turn_1", List.of("turn_1"), null).compute(List.of(
                rated("81", 0, "writing", 8.0, 6.0), rated("81", 1, "writing", 6.0, 6.0)));
        assertThat(turn1.n()).isEqualTo(1);
        assertThat(turn1.value()).isEqualTo(7.0);
        assertThat(new TurnMeanMetric("category/math", List.of("turn_1", "turn_2"), "math").compute(List.of(
                rated("81", 0, "writing", 8.0, 6.0), rated("82", 0, "math", 4.0, null), rated("82", 1, "math", 2.0, null))).n())
                .isEqualTo(1);
    }
}
