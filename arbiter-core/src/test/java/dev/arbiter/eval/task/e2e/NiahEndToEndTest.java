package dev.arbiter.eval.task.e2e;

import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.eval.task.NiahTask;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class NiahEndToEndTest {
    @TempDir Path dir;

    /** The scripted model reads the needle out of the prompt, but "loses" it in the 2048-token cell at depth 50. */
    @Test
    void theGridShowsExactlyTheCellWhereTheModelMissed() {
        Task task = NiahTask.create(new NiahTask.Options(List.of(1024, 2048), List.of(0, 50, 100), 2, 9, 4096, null));
        Map<String, Sample> byPrompt = LocalRun.byPrompt(task);
        Pattern needle = Pattern.compile("secret passcode for \\w+ is (\\d{6})\\.");
        try (ScriptedLlmServer server = ScriptedLlmServer.start(r -> {
            Sample s = byPrompt.get(r.lastUserMessage());
            Matcher m = needle.matcher(r.lastUserMessage());
            boolean lost = s.id().startsWith("2048/50/");
            return Reply.text(m.find() && !lost ? "The passcode is " + m.group(1) + "." : "I could not find a passcode.");
        })) {
            TaskResult t = LocalRun.run(task, server, dir);
            assertThat(t.scored()).isEqualTo(12);
            assertThat(t.metrics().get("accuracy").value()).isEqualTo(10.0 / 12);
            assertThat(t.metrics().get("grid/2048/50").value()).isEqualTo(0.0);
            for (String cell : List.of("1024/0", "1024/50", "1024/100", "2048/0", "2048/100")) {
                assertThat(t.metrics().get("grid/" + cell).value()).as(cell).isEqualTo(1.0);
            }
        }
    }
}
