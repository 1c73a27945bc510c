package dev.arbiter.eval.harness;

import dev.arbiter.client.GenerationConfig;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.EvalSetting;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.metrics.Metrics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HarnessStampTest {
    /**
     * Filling in the shots keeps the rest of the task's setting: its own options (mt_bench's per-category
     * temperatures) are part of the settings key, and a setting rebuilt without them let a run resume another
     * asked differently.
     */
    @Test
    void stampingTheShotsKeepsTheTasksOwnOptions() {
        EvalSetting own = new EvalSetting(null, null, null, null, Map.of("temperature/writing", "0.7"), null, null);
        Task task = new Task("t", 1, new Dataset("d", "/d", "sha", List.of()), (s, g) -> s,
                new dev.arbiter.eval.Scorer() {
                    @Override
                    public String name() { return "one"; }

                    @Override
                    public Score score(dev.arbiter.eval.TaskState state) { return Score.of(1.0, "", ""); }
                }, Metrics.passFail(), GenerationConfig.DEFAULT).withSetting(own);
        EvalSetting stamped = HarnessProfile.stamp(task, null, 3).setting();
        assertThat(stamped.shots()).isEqualTo(3);
        assertThat(stamped.options()).containsEntry("temperature/writing", "0.7");
    }
}
