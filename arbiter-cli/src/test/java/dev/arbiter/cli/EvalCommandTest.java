package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.eval.engine.ScorerFactory;
import dev.arbiter.eval.engine.TaskRegistry;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EvalCommandTest {
    @TempDir Path dir;
    TinyOpenAiServer server;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        server = new TinyOpenAiServer("tiny", CliTestTask::mostlyRight);
        EvalCommand.registry = () -> CliTestTask.registry(12);
    }

    @AfterEach
    void stop() {
        server.close();
        EvalCommand.registry = null;
        RescoreCommand.scorers = null;
    }

    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Arbiter.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** eval against the test server; {@code extra} flags are added, or replace the default of the same flag. */
    String[] eval(String... extra) {
        List<String> a = new ArrayList<>(List.of("eval", "--endpoint", server.url().toString(), "--model", "tiny",
                "--task", "truth", "--store", dir.resolve("a.db").toString(), "--out", dir.resolve("run").toString(),
                "--retries", "0", "--format", "json"));
        for (int i = 0; i < extra.length; i++) {
            int at = a.indexOf(extra[i]);
            boolean hasValue = i + 1 < extra.length && !extra[i + 1].startsWith("--");
            if (at >= 0 && hasValue) a.set(at + 1, extra[++i]);
            else {
                a.add(extra[i]);
                if (hasValue) a.add(extra[++i]);
            }
        }
        return a.toArray(String[]::new);
    }

    JsonNode json() throws Exception {
        return Json.mapper().readTree(out.toString());
    }

    @Test
    void evalPrintsTheRunRecordWithTheTrueAccuracyAndItsInterval() throws Exception {
        assertThat(run(eval())).as(err.toString()).isZero();

        JsonNode r = json();
        assertThat(r.get("schema_version").asInt()).isEqualTo(1);
        assertThat(r.get("status").asText()).isEqualTo("completed");
        assertThat(r.get("run_id").asText()).isNotBlank();
        JsonNode t = r.get("tasks").get(0);
        assertThat(t.get("task").asText()).isEqualTo("truth");
        assertThat(t.get("samples").asInt()).isEqualTo(12);
        assertThat(t.get("unscored").asInt()).isZero();
        JsonNode acc = t.get("metrics").get("accuracy");
        assertThat(acc.get("value").asDouble()).isEqualTo(9.0 / 12);
        assertThat(acc.get("stderr").asDouble()).isPositive();
        assertThat(acc.get("ci95")).hasSize(2);
        assertThat(Files.readAllLines(dir.resolve("run/samples.jsonl"))).hasSize(12);
        assertThat(server.chatCalls.get()).isEqualTo(12);
    }

    @Test
    void limitAndSeedEvaluateTheSameSubsetTwice() throws Exception {
        assertThat(run(eval("--limit", "5", "--seed", "3", "--no-cache"))).isZero();
        JsonNode first = json().get("tasks").get(0);
        assertThat(run(eval("--limit", "5", "--seed", "3", "--no-cache", "--no-resume"))).isZero();
        assertThat(first.get("samples").asInt()).isEqualTo(5);
        assertThat(json().get("tasks").get(0).get("metrics")).isEqualTo(first.get("metrics"));
    }

    @Test
    void anUnknownModelExitsWithTwo() {
        assertThat(run(eval("--model", "nonexistent"))).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("does not know this model");
    }

    @Test
    void aRefusedKeyExitsWithThreeAndNeverPrintsTheKey() {
        server.requiredKey = "right-key";
        assertThat(run(eval("--api-key-env", "ARBITER_TEST_UNSET_KEY_VAR"))).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("ARBITER_TEST_UNSET_KEY_VAR");
        assertThat(run(eval())).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(err.toString()).contains("refused the API key").doesNotContain("right-key");
    }

    @Test
    void anUnreachableEndpointExitsWithThree() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String[] args = eval();
        args[2] = "http://127.0.0.1:" + port;
        assertThat(run(args)).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(err.toString()).contains("did not answer the probe");
    }

    @Test
    void aRunThatFailedMidwayIsResumedAutomaticallyAndSaysSoOnStderr() throws Exception {
        server.failWith = 400;
        assertThat(run(eval())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(json().get("status").asText()).isEqualTo("failed");
        String runId = json().get("run_id").asText();

        server.failWith = 0;
        int before = server.chatCalls.get();
        assertThat(run(eval())).as(err.toString()).isZero();
        assertThat(err.toString()).contains("resuming run " + runId);
        assertThat(json().get("run_id").asText()).isEqualTo(runId);
        assertThat(server.chatCalls.get() - before).isEqualTo(12);
    }

    @Test
    void runsListsTheStoredRunWithItsScore() throws Exception {
        assertThat(run(eval())).isZero();
        String runId = json().get("run_id").asText();

        assertThat(run("runs", "--store", dir.resolve("a.db").toString(), "--format", "json")).isZero();
        JsonNode row = json().get("runs").get(0);
        assertThat(row.get("run_id").asText()).isEqualTo(runId);
        assertThat(row.get("task").asText()).isEqualTo("truth");
        assertThat(row.get("model").asText()).isEqualTo("tiny");
        assertThat(row.get("status").asText()).isEqualTo("completed");
        assertThat(row.get("samples").asInt()).isEqualTo(12);
        assertThat(row.get("score").asDouble()).isEqualTo(0.75);
        assertThat(row.get("started_at").asText()).isNotBlank();

        assertThat(run("runs", runId, "--store", dir.resolve("a.db").toString())).isZero();
        assertThat(out.toString()).contains("accuracy").contains("0.7500");
    }

    @Test
    void rescoreGradesStoredAnswersWithAnotherScorerWithoutCallingTheModel() throws Exception {
        assertThat(run(eval())).isZero();
        String runId = json().get("run_id").asText();
        int calls = server.chatCalls.get();
        RescoreCommand.scorers = () -> new ScorerFactory() {
            @Override
            public dev.arbiter.eval.Scorer create(String name) { return CliTestTask.anything(); }

            @Override
            public List<String> names() { return List.of("anything"); }
        };

        assertThat(run("rescore", runId, "--scorer", "anything", "--store", dir.resolve("a.db").toString(),
                "--out", dir.resolve("rescored").toString(), "--format", "json")).as(err.toString()).isZero();
        assertThat(json().get("manifest").get("rescored_from").asText()).isEqualTo(runId);
        assertThat(json().get("tasks").get(0).get("metrics").get("accuracy").get("value").asDouble()).isEqualTo(1.0);
        assertThat(server.chatCalls.get()).isEqualTo(calls);
    }

    @Test
    void anUnknownTaskListsTheKnownOnes() {
        assertThat(run(eval("--task", "nope"))).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("unknown task 'nope'").contains("truth");
    }
}
