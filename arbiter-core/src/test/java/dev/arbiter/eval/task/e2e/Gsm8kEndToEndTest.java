package dev.arbiter.eval.task.e2e;

import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.eval.task.Gsm8kTask;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class Gsm8kEndToEndTest {
    @TempDir Path dir;

    /**
     * 24 real test problems. Sample i: i % 4 == 0 → right in the strict format; 1 → wrong as a bare number (fallback);
     * 2 → right but only as the last number (fallback); 3 → wrong in the strict format. So flexible 12/24, strict 6/24,
     * fallback 12/24.
     */
    @Test
    void reportedStrictFlexibleAndFallbackRatesEqualTheScriptedTruth() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.path("gsm8k/test.jsonl")).subList(0, 24);
        Path data = Files.write(dir.resolve("test.jsonl"), lines);
        Task task = Gsm8kTask.create(new Gsm8kTask.Options(data, Gsm8kTask.Shots.STANDARD_8, 0, null, null));
        Map<String, Sample> byPrompt = LocalRun.byPrompt(task);
        try (ScriptedLlmServer server = ScriptedLlmServer.start(r -> {
            Sample s = byPrompt.get(r.lastUserMessage());
            String gold = s.firstTarget();
            String wrong = new BigDecimal(gold).add(BigDecimal.ONE).toPlainString();
            return Reply.text(switch (Integer.parseInt(s.id()) % 4) {
                case 0 -> "Some steps. The answer is " + gold + ".";
                case 1 -> "Some steps give " + wrong + " in the end.";
                case 2 -> "Adding it up, the total comes to " + gold + " altogether";
                default -> "The answer is " + wrong + ".";
            });
        })) {
            TaskResult t = LocalRun.run(task, server, dir);
            assertThat(t.scored()).isEqualTo(24);
            assertThat(t.metrics().get("accuracy").value()).isEqualTo(12.0 / 24);
            assertThat(t.metrics().get("flexible_accuracy").value()).isEqualTo(12.0 / 24);
            assertThat(t.metrics().get("strict_accuracy").value()).isEqualTo(6.0 / 24);
            assertThat(t.metrics().get("fallback_rate").value()).isEqualTo(12.0 / 24);
            assertThat(server.generationRequests()).allSatisfy(r -> assertThat(r.json().path("stop").toString()).contains("Q:"));
        }
    }
}
