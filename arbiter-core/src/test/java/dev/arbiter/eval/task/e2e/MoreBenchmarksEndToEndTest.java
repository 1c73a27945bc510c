package dev.arbiter.eval.task.e2e;

import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.TaskParams;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.eval.engine.TaskRegistry;
import dev.arbiter.eval.task.MoreBenchmarks;
import dev.arbiter.eval.task.more.MoreBenchmarksLoadTest;
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

/** mmlu_pro, gpqa and aime through the real engine against scripted servers whose right and wrong answers are known. */
class MoreBenchmarksEndToEndTest {
    @TempDir Path dir;
    final TaskRegistry registry = MoreBenchmarks.registerAll(new TaskRegistry());

    private static String wrong(String letter, String letters) {
        return String.valueOf(letters.charAt((letters.indexOf(letter) + 1) % letters.length()));
    }

    /** Sample i: 0 → wrong "answer is"; 1 → right via "Answer: X"; 2 → right "answer is (X)"; 3 → no letter at all. Accuracy 2/4. */
    @Test
    void mmluProAccuracyAndCategoriesEqualTheScriptedTruth() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            rows.append(MoreBenchmarksLoadTest.mmluProRow(i, i < 8 ? "law" : "physics", String.valueOf("ABCDEFGHIJ".charAt(i % 10)), "")).append('\n');
        }
        Path data = Files.writeString(dir.resolve("test.jsonl"), rows);
        Task task = registry.create("mmlu_pro", new TaskParams(data, null, null, 0, null, List.of(), null, Map.of()));
        Map<String, Sample> byPrompt = LocalRun.byPrompt(task);
        try (ScriptedLlmServer server = ScriptedLlmServer.start(r -> {
            Sample s = byPrompt.get(r.lastUserMessage());
            String gold = s.firstTarget();
            return Reply.text(switch (Integer.parseInt(s.id()) % 4) {
                case 0 -> "Thinking... the answer is (" + wrong(gold, "ABCDEFGHIJ") + ")";
                case 1 -> "Thinking...\nAnswer: " + gold;
                case 2 -> "So the answer is (" + gold + ").";
                default -> "i do not know, sorry.";
            });
        })) {
            TaskResult t = LocalRun.run(task, server, dir);
            assertThat(t.scored()).isEqualTo(16);
            assertThat(t.metrics().get("accuracy").value()).isEqualTo(0.5);
            assertThat(t.metrics().get("category/law").value()).isEqualTo(0.5);
            assertThat(server.generationRequests()).allSatisfy(r -> assertThat(r.json().path("messages").get(0).path("role").asText()).isEqualTo("system"));
        }
    }

    /** Sample i: even → right "Answer: X"; i % 4 == 1 → wrong letter; i % 4 == 3 → "The answer is X" (not simple-evals' format). 6/12. */
    @Test
    void gpqaAccuracyEqualsTheScriptedTruth() throws IOException {
        StringBuilder csv = new StringBuilder(MoreBenchmarksLoadTest.GPQA_HEADER);
        for (int i = 0; i < 12; i++) csv.append("x,q").append(i).append(",right,w1,w2,w3,").append(i).append(",Chemistry,Organic\n");
        Path data = Files.writeString(dir.resolve("gpqa_main.csv"), csv);
        Task task = registry.create("gpqa", new TaskParams(data, null, 1L, null, null, List.of(), null, Map.of()));
        Map<String, Sample> byPrompt = LocalRun.byPrompt(task);
        try (ScriptedLlmServer server = ScriptedLlmServer.start(r -> {
            Sample s = byPrompt.get(r.lastUserMessage());
            int i = Integer.parseInt(s.id());
            String gold = s.firstTarget();
            return Reply.text(i % 2 == 0 ? "Reasoning.\nAnswer: " + gold : i % 4 == 1 ? "Answer: " + wrong(gold, "ABCD") : "The answer is " + gold);
        })) {
            TaskResult t = LocalRun.run(task, server, dir);
            assertThat(t.metrics().get("accuracy").value()).isEqualTo(0.5);
            assertThat(t.metrics().get("domain/Chemistry").value()).isEqualTo(0.5);
        }
    }

    /** Problem i: 0 → right in a box (with leading zero); 1 → wrong box; 2 → right but unboxed. 1/3 of 9. */
    @Test
    void aimeAccuracyEqualsTheScriptedTruth() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 9; i++) rows.append("{\"id\": ").append(i).append(", \"problem\": \"P").append(i).append("\", \"answer\": ").append(10 + i).append("}\n");
        Path data = Files.writeString(dir.resolve("aime.jsonl"), rows);
        Task task = registry.create("aime", new TaskParams(data, null, null, null, null, List.of(), null, Map.of()));
        Map<String, Sample> byPrompt = LocalRun.byPrompt(task);
        try (ScriptedLlmServer server = ScriptedLlmServer.start(r -> {
            Sample s = byPrompt.get(r.lastUserMessage());
            int i = Integer.parseInt(s.id());
            return Reply.text(switch (i % 3) {
                case 0 -> "So $\\boxed{0" + s.firstTarget() + "}$";
                case 1 -> "\\boxed{" + (Integer.parseInt(s.firstTarget()) + 1) + "}";
                default -> "The answer is " + s.firstTarget();
            });
        })) {
            TaskResult t = LocalRun.run(task, server, dir);
            assertThat(t.metrics().get("accuracy").value()).isEqualTo(3.0 / 9);
            assertThat(server.generationRequests()).allSatisfy(r -> {
                assertThat(r.json().path("temperature").asDouble()).isEqualTo(0.6);
                assertThat(r.json().path("max_tokens").asInt()).isEqualTo(32768);
            });
        }
    }
}
