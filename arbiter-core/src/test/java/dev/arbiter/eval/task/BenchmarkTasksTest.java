package dev.arbiter.eval.task;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.TaskParams;
import dev.arbiter.eval.engine.TaskRegistry;
import dev.arbiter.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkTasksTest {
    private final TaskRegistry registry = BenchmarkTasks.registerAll(new TaskRegistry(), null);

    @Test
    void registersEveryBenchmarkByName() {
        assertThat(registry.names()).contains("gsm8k", "math", "math500", "mmlu", "mt_bench", "niah");
    }

    @Test
    void translatesShotsAndOptionsForGsm8k() {
        Task t = registry.create("gsm8k", new TaskParams(SharedData.path("gsm8k/test.jsonl"), null, 3L, 8, null, List.of(), null,
                Map.of("shots_from", "train")));
        assertThat(t.name()).isEqualTo("gsm8k-train-8");
        assertThatThrownBy(() -> registry.create("gsm8k", new TaskParams(SharedData.path("gsm8k/test.jsonl"), null, null, 5, null,
                List.of(), null, Map.of()))).isInstanceOf(InvalidInputException.class).hasMessageContaining("0 or 8");
    }

    @Test
    void mtBenchWithoutAJudgeIsAnInputError() {
        assertThatThrownBy(() -> registry.create("mt_bench", TaskParams.of(SharedData.path("mt_bench"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("judge");
    }

    @Test
    void niahReadsLengthsAndDepthsFromOptions() {
        Task t = registry.create("niah", new TaskParams(null, null, 1L, null, null, List.of(), null,
                Map.of("lengths", "1k,2k", "depths", "0,100", "per_cell", "2")));
        assertThat(t.dataset().samples()).hasSize(8);
    }

    @Test
    void mmluFrIsMmluWithFrenchPrompts() throws Exception {
        java.nio.file.Path data = java.nio.file.Path.of(getClass().getResource("/mmlu/mmmlu/mmlu_FR-FR.csv").toURI());
        Task t = registry.create("mmlu-fr", TaskParams.of(data));
        assertThat(t.name()).isEqualTo("mmlu-fr");
        assertThat(t.dataset().samples().get(0).input().get(0).content()).startsWith("Voici des questions").endsWith("Réponse :");
    }

    @Test
    void mmluFrWithAnotherLanguageIsAnInputError() throws Exception {
        java.nio.file.Path data = java.nio.file.Path.of(getClass().getResource("/mmlu/mmmlu/mmlu_FR-FR.csv").toURI());
        assertThatThrownBy(() -> registry.create("mmlu-fr", new TaskParams(data, null, null, null, null, List.of(), "de", Map.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--language de");
    }

    @Test
    void anUnknownMmluSourceIsAnInputErrorNamingTheChoices() {
        assertThatThrownBy(() -> registry.create("mmlu", new TaskParams(null, null, null, null, null, List.of(), null, Map.of("source", "hf"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("hendrycks or simple-evals, got hf");
    }

    @Test
    void anMmluSourceWithAnotherLanguageIsAnInputError() {
        assertThatThrownBy(() -> registry.create("mmlu-fr", new TaskParams(null, null, null, null, null, List.of(), null, Map.of("source", "simple-evals"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("MMLU in 'fr' downloads openai/MMMLU");
    }
}
