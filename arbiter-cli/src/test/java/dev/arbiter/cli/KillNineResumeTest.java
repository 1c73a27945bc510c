package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.testing.RecordedRequest;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@code kill -9}: the CLI runs in a child JVM against a slow scripted server on 127.0.0.1, is killed with
 * SIGKILL mid-run, and the resumed run asks the server only for the samples the store does not hold.
 */
class KillNineResumeTest {
    static final int N = 40;
    @TempDir Path dir;

    static boolean question(RecordedRequest r) {
        return r.isGeneration() && r.lastUserMessage() != null && r.lastUserMessage().matches("q\\d+");
    }

    /** Questions q0…q{n-1} whose targets are a0…a{n-1}, as a custom-task CSV in {@code dir}. */
    static Path questions(Path dir, int n) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("input,target\n");
        for (int i = 0; i < n; i++) csv.append("q").append(i).append(",a").append(i).append('\n');
        return Files.writeString(dir.resolve("qa.csv"), csv.toString());
    }

    @Test
    void aRunKilledWithSigkillResumesAskingOnlyForTheMissingSamples() throws Exception {
        Path data = questions(dir, N);
        // right on even questions: accuracy 0.5; each answer takes 40 ms so the kill lands mid-run
        try (ScriptedLlmServer server = ScriptedLlmServer.builder().models("m").script(r -> {
            String q = r.lastUserMessage();
            if (q == null || !q.matches("q\\d+")) return Reply.text("OK");
            int i = Integer.parseInt(q.substring(1));
            return Reply.text(i % 2 == 0 ? "a" + i : "wrong").withDelayMillis(40);
        }).start()) {
            Path store = dir.resolve("arbiter.db");
            Path out = dir.resolve("run");
            List<String> args = List.of("eval", "--endpoint", server.baseUri().toString(), "--model", "m", "--task", "custom",
                    "--data", data.toString(), "--store", store.toString(), "--out", out.toString(), "--concurrency", "2",
                    "--no-cache", "--quiet", "--format", "json");

            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            command.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile());
            pb.environment().put("ARBITER_HOME", dir.resolve("home").toString());
            Process child = pb.start();
            Path log = out.resolve("samples.jsonl");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (lines(log) < 10 && child.isAlive() && Instant.now().isBefore(deadline)) Thread.sleep(20);
            assertThat(child.isAlive()).as("the child is still running when killed: " + Files.readString(dir.resolve("child.log"))).isTrue();
            child.destroyForcibly();  // SIGKILL: no shutdown hook runs
            child.waitFor();

            long askedBefore = server.requests().stream().filter(KillNineResumeTest::question).count();
            String runId = Json.mapper().readTree(Files.readString(out.resolve("manifest.json"))).get("run_id").asText();
            int stored;
            try (RunStore s = RunStore.open(store)) {
                stored = new RunReader(s).samples(runId).size();
            }
            assertThat(stored).isBetween(10, N - 1);

            CliRun resumed = CliRun.of(args.toArray(String[]::new));
            assertThat(resumed.exit()).as(resumed.err()).isZero();
            JsonNode r = resumed.json();
            assertThat(r.get("run_id").asText()).isEqualTo(runId);
            assertThat(r.get("status").asText()).isEqualTo("completed");
            JsonNode task = r.get("tasks").get(0);
            assertThat(task.get("samples").asInt()).isEqualTo(N);
            assertThat(task.get("metrics").get("accuracy").get("value").asDouble()).isEqualTo(0.5);
            long askedAfter = server.requests().stream().filter(KillNineResumeTest::question).count() - askedBefore;
            assertThat(askedAfter).isEqualTo(N - stored);
        }
    }

    static long lines(Path p) {
        try {
            return Files.exists(p) ? Files.readAllLines(p).size() : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
