package dev.arbiter.eval.task.e2e;

import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.eval.task.MathTask;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MathEndToEndTest {
    @TempDir Path dir;

    /** 30 MATH-500 problems; the model boxes the reference answer on even positions and a wrong value on odd ones. */
    @Test
    void reportedAccuracyAndPerSubjectAccuracyEqualTheScriptedTruth() throws IOException {
        Path data = Files.write(dir.resolve("test.jsonl"), Files.readAllLines(SharedData.path("math500/test.jsonl")).subList(0, 30));
        Task task = MathTask.create(new MathTask.Options(data, false, null, null));
        Map<String, Sample> byPrompt = LocalRun.byPrompt(task);
        Map<String, Integer> position = new HashMap<>();
        List<Sample> samples = task.dataset().samples();
        for (int i = 0; i < samples.size(); i++) position.put(samples.get(i).id(), i);
        Map<String, int[]> perSubject = new HashMap<>(); // subject → {right, total}
        for (Sample s : samples) {
            int[] c = perSubject.computeIfAbsent((String) s.metadata().get("subject"), k -> new int[2]);
            c[0] += position.get(s.id()) % 2 == 0 ? 1 : 0;
            c[1]++;
        }
        try (ScriptedLlmServer server = ScriptedLlmServer.start(r -> {
            Sample s = byPrompt.get(r.lastUserMessage());
            boolean right = position.get(s.id()) % 2 == 0;
            return Reply.text("Working... so the result is $\\boxed{" + (right ? s.firstTarget() : "\\text{no idea}") + "}$.");
        })) {
            TaskResult t = LocalRun.run(task, server, dir);
            assertThat(t.scored()).isEqualTo(30);
            assertThat(t.metrics().get("accuracy").value()).isEqualTo(15.0 / 30);
            perSubject.forEach((subject, c) ->
                    assertThat(t.metrics().get("subject/" + subject).value()).isEqualTo((double) c[0] / c[1]));
        }
    }
}
