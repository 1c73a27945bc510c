package dev.arbiter.eval.task.e2e;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.TaskParams;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.eval.engine.TaskRegistry;
import dev.arbiter.eval.task.MoreBenchmarks;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * IFEval in google-research's input_data.jsonl layout through the real engine. Prompt 1 (2 instructions): both
 * followed. Prompt 2 (2): no_comma broken only by a chatty first line, so strict 1/2 and loose 2/2. Prompt 3 (1):
 * broken. So prompt-level strict 1/3, loose 2/3; instruction-level strict 3/5, loose 4/5.
 */
class IfevalEndToEndTest {
    @TempDir Path dir;

    @Test
    void theFourMetricsEqualTheScriptedTruth() throws IOException {
        Path data = Files.writeString(dir.resolve("input_data.jsonl"), """
                {"key": 1, "prompt": "Write a title and no commas.", "instruction_id_list": ["detectable_format:title", "punctuation:no_comma"], "kwargs": [{}, {}]}
                {"key": 2, "prompt": "A title please, without commas.", "instruction_id_list": ["detectable_format:title", "punctuation:no_comma"], "kwargs": [{}, {}]}
                {"key": 3, "prompt": "Say yes or no.", "instruction_id_list": ["detectable_format:constrained_response"], "kwargs": [{"num_bullets": null}]}
                """);
        Task task = MoreBenchmarks.registerAll(new TaskRegistry()).create("ifeval", TaskParams.of(data));
        Map<String, Sample> byPrompt = LocalRun.byPrompt(task);
        try (ScriptedLlmServer server = ScriptedLlmServer.start(r -> {
            Sample s = byPrompt.get(r.lastUserMessage());
            return Reply.text(switch (s.id()) {
                case "1" -> "<<Spring>>\nBlossoms open wide";
                case "2" -> "Sure, here it is:\n<<Autumn>>\nLeaves fall slowly";
                default -> "Absolutely not sure.";
            });
        })) {
            TaskResult t = LocalRun.run(task, server, dir);
            assertThat(t.scored()).isEqualTo(3);
            assertThat(t.metrics().get("prompt_level_strict_acc").value()).isCloseTo(1.0 / 3, within(1e-12));
            assertThat(t.metrics().get("prompt_level_loose_acc").value()).isCloseTo(2.0 / 3, within(1e-12));
            assertThat(t.metrics().get("inst_level_strict_acc").value()).isCloseTo(3.0 / 5, within(1e-12));
            assertThat(t.metrics().get("inst_level_loose_acc").value()).isCloseTo(4.0 / 5, within(1e-12));
            assertThat(server.generationRequests()).allSatisfy(r -> assertThat(r.json().path("max_tokens").asInt()).isEqualTo(1280));
        }
    }

    @Test
    void anUnknownInstructionIdOrABadKwargNamesTheLine() throws IOException {
        Path unknown = Files.writeString(dir.resolve("a.jsonl"), "{\"key\": 1, \"prompt\": \"p\", \"instruction_id_list\": [\"format:nope\"], \"kwargs\": [{}]}\n");
        assertThatThrownBy(() -> MoreBenchmarks.registerAll(new TaskRegistry()).create("ifeval", TaskParams.of(unknown)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("a.jsonl:1").hasMessageContaining("format:nope");
        Path bad = Files.writeString(dir.resolve("b.jsonl"), "\n{\"key\": 1, \"prompt\": \"p\", \"instruction_id_list\": [\"length_constraints:number_words\"], \"kwargs\": [{\"num_words\": 10}]}\n");
        assertThatThrownBy(() -> MoreBenchmarks.registerAll(new TaskRegistry()).create("ifeval", TaskParams.of(bad)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("b.jsonl:2").hasMessageContaining("'relation'");
    }

    @Test
    void repeatPromptWithoutItsKwargRepeatsTheSamplesOwnPrompt() throws IOException {
        Path data = Files.writeString(dir.resolve("c.jsonl"), "{\"key\": 9, \"prompt\": \"Tell me a joke.\", \"instruction_id_list\": [\"combination:repeat_prompt\"], \"kwargs\": [{}]}\n");
        Task task = MoreBenchmarks.registerAll(new TaskRegistry()).create("ifeval", TaskParams.of(data));
        @SuppressWarnings("unchecked") var kwargs = (List<Map<String, Object>>) task.dataset().samples().get(0).metadata().get("kwargs");
        assertThat(kwargs.get(0)).containsEntry("prompt_to_repeat", "Tell me a joke.");
    }
}
