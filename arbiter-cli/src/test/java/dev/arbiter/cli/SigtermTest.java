package dev.arbiter.cli;

import dev.arbiter.eval.store.RunStore;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run stopped with SIGTERM (docker stop, kubectl delete, a scheduler's preemption) in a child JVM: the shutdown
 * hook stores it as interrupted, answers kept, and the process exits 143 (128 + SIGTERM), as the README's exit-code
 * table says — not 130, which is Ctrl-C's (128 + SIGINT).
 */
class SigtermTest {
    static final int N = 40;
    @TempDir Path dir;

    @Test
    void aRunStoppedWithSigtermIsStoredAsInterruptedAndExits143() throws Exception {
        Path data = KillNineResumeTest.questions(dir, N);
        try (ScriptedLlmServer server = ScriptedLlmServer.builder().models("m").script(r -> {
            String q = r.lastUserMessage();
            return q != null && q.matches("q\\d+") ? Reply.text("a" + q.substring(1)).withDelayMillis(100) : Reply.text("OK");
        }).start()) {
            Path store = dir.resolve("arbiter.db");
            Path out = dir.resolve("run");
            ChildCli child = ChildCli.start(dir.resolve("child.log"), Map.of("ARBITER_HOME", dir.resolve("home").toString()),
                    List.of("eval", "--endpoint", server.baseUri().toString(), "--model", "m", "--task", "custom",
                            "--data", data.toString(), "--store", store.toString(), "--out", out.toString(), "--concurrency", "1",
                            "--no-cache", "--quiet", "--format", "json"));
            Path log = out.resolve("samples.jsonl");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (KillNineResumeTest.lines(log) < 3 && child.process().isAlive() && Instant.now().isBefore(deadline)) Thread.sleep(20);
            assertThat(child.process().isAlive()).as("still running when stopped: " + child.output()).isTrue();
            child.process().destroy();  // SIGTERM
            int exit = child.await();

            String runId = Json.mapper().readTree(Files.readString(out.resolve("manifest.json"))).get("run_id").asText();
            try (RunStore s = RunStore.open(store)) {
                assertThat(s.run(runId).orElseThrow().status()).as(child.output()).isEqualTo("interrupted");
            }
            assertThat(exit).as(child.output()).isEqualTo(ExitCode.TERMINATED).isEqualTo(143);
            assertThat(Files.readString(Path.of("..", "README.md"))).contains("| `143` |");
        }
    }
}
