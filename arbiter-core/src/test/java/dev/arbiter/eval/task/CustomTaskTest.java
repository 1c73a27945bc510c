package dev.arbiter.eval.task;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Generate;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.dataset.DataProblem;
import dev.arbiter.eval.engine.TaskParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomTaskTest {
    @TempDir Path dir;
    private final List<GenerateRequest> sent = new ArrayList<>();

    private TaskParams params(Path data, String scorer, Map<String, String> options) {
        return new TaskParams(data, null, null, null, scorer, List.of(), null, options);
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private TaskState solve(Task t, int sample, String reply) {
        Generate g = r -> {
            sent.add(r);
            return new GenerateResponse(reply, null, "stop", null, null, null, "m");
        };
        return t.solver().solve(TaskState.start(t.dataset().samples().get(sample), 0), g);
    }

    @Test
    void freeTextDataDefaultsToIncludesAndAccuracy() throws Exception {
        Task t = new CustomTask(null, null, null).create(params(file("qa.jsonl", "{\"input\": \"Capital of France?\", \"target\": \"Paris\"}\n"), null, Map.of()));
        assertThat(t.name()).isEqualTo("custom");
        assertThat(t.scorer().name()).isEqualTo("includes");
        assertThat(t.metrics()).extracting(m -> m.name()).containsExactly("accuracy");
        TaskState done = solve(t, 0, "It is Paris.");
        assertThat(t.scorer().score(done).value()).isEqualTo(1.0);
    }

    @Test
    void multipleChoiceDataIsShownLetteredAndScoredByLetter() throws Exception {
        Path data = file("mc.csv", "input,target,choices\nCapital of France?,B,Lyon|Paris|Nice\n");
        Task t = new CustomTask(null, null, null).create(params(data, null, Map.of()));
        assertThat(t.scorer().name()).isEqualTo("choice");
        TaskState done = solve(t, 0, "Answer: B");
        assertThat(sent.get(0).messages()).containsExactly(ChatMessage.user(
                "Capital of France?\nA. Lyon\nB. Paris\nC. Nice\nAnswer with the letter of the correct option (A, B, C)."));
        assertThat(t.scorer().score(done).value()).isEqualTo(1.0);
    }

    @Test
    void optionsMapFieldsSetSystemAndTemplateAndConfigureTheScorer() throws Exception {
        Path data = file("m.jsonl", "{\"q\": \"What is 2+2?\", \"a\": \"4\"}\n");
        GenerationConfig cfg = GenerationConfig.DEFAULT.withMaxTokens(64);
        Task t = new CustomTask(null, cfg, null).create(params(data, "numeric", Map.of(
                "field.input", "q", "field.target", "a", "system", "Be exact.", "template", "Solve: {prompt}",
                "scorer.abs_tolerance", "0.5")));
        TaskState done = solve(t, 0, "about 4.2");
        assertThat(sent.get(0).messages()).containsExactly(ChatMessage.system("Be exact."), ChatMessage.user("Solve: What is 2+2?"));
        assertThat(sent.get(0).config().maxTokens()).isEqualTo(64);
        assertThat(t.scorer().score(done).value()).isEqualTo(1.0);
    }

    @Test
    void skippedRowsAreHandedToTheCaller() throws Exception {
        Path data = file("d.jsonl", "{\"input\": \"a\", \"target\": \"1\"}\n{\"input\": \"b\"}\n");
        List<DataProblem> skipped = new ArrayList<>();
        Task t = new CustomTask(null, null, skipped::add).create(params(data, null, Map.of("skip_invalid", "true")));
        assertThat(t.dataset().samples()).hasSize(1);
        assertThat(skipped).extracting(DataProblem::toString).containsExactly("d.jsonl line 2, field 'target': missing");
    }

    @Test
    void theJsonScorerNeedsNoTarget() throws Exception {
        Path data = file("j.jsonl", "{\"input\": \"Give me a JSON object\"}\n");
        Task t = new CustomTask(null, null, null).create(params(data, "json", Map.of()));
        assertThat(t.scorer().score(solve(t, 0, "{\"ok\": true}")).value()).isEqualTo(1.0);
    }

    @Test
    void withoutDataTheTaskSaysWhatItNeeds() {
        assertThatThrownBy(() -> new CustomTask(null, null, null).create(params(null, null, Map.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--data");
    }
}
