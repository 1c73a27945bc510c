package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exit codes say how a run really ended, JSON is printed on failure too, and nothing a server sends reaches the
 * terminal raw.
 */
class HonestExitTest {
    @TempDir Path dir;
    ScriptedLlmServer server;

    @BeforeEach
    void tasks() {
        EvalCommand.registry = () -> CliTestTask.registry(4);
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        EvalCommand.registry = null;
    }

    void serve(dev.arbiter.testing.Script script) {
        server = ScriptedLlmServer.builder().models("m").script(script).start();
    }

    CliRun eval(String... extra) {
        List<String> a = new ArrayList<>(List.of("eval", "--endpoint", server.baseUri().toString(), "--model", "m",
                "--task", "truth", "--store", dir.resolve("s.db").toString(), "--out",
                dir.resolve("run-" + System.nanoTime()).toString(), "--retries", "0", "--no-cache", "--quiet"));
        a.addAll(List.of(extra));
        return CliRun.of(a.toArray(String[]::new));
    }

    @Test
    void aRunWhoseSamplesFailedAfterTheirRetriesExitsFourAndSaysHowMany() {
        serve(r -> r.lastUserMessage().equals("q1") ? Reply.status(503, "overloaded") : Reply.text("a"));

        CliRun r = eval("--format", "json");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.COMPLETED_WITH_SAMPLE_ERRORS);
        assertThat(r.json().get("status").asText()).isEqualTo("completed");
        assertThat(r.json().get("tasks").get(0).get("errors").asInt()).isEqualTo(1);
        assertThat(r.err()).contains("completed with sample errors: 1 of 4 samples have no answer");
    }

    @Test
    void aSampleWhosePromptOverflowsTheContextIsAResultAndLeavesTheExitAtZero() {
        serve(r -> r.lastUserMessage().equals("q2")
                ? Reply.status(400, "{\"error\":{\"message\":\"This model's maximum context length is 8 tokens.\"}}")
                : Reply.text("a"));

        CliRun r = eval("--format", "json");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("status").asText()).isEqualTo("completed");
    }

    @Test
    void anAnswerOverTheCapIsStoredCutAtTheCapAndATooSmallCapIsRefused() throws Exception {
        serve(r -> Reply.text("a".repeat(20_000)));
        Path out = dir.resolve("capped");

        CliRun r = CliRun.of("eval", "--endpoint", server.baseUri().toString(), "--model", "m", "--task", "truth",
                "--store", dir.resolve("s.db").toString(), "--out", out.toString(), "--max-answer-bytes", "4096",
                "--no-cache", "--quiet", "--format", "json");

        assertThat(r.exit()).as(r.err()).isZero();
        for (String line : java.nio.file.Files.readAllLines(out.resolve("samples.jsonl"))) {
            JsonNode sample = dev.arbiter.util.Json.mapper().readTree(line);
            assertThat(sample.get("response").asText()).hasSize(4096);
            assertThat(sample.get("finish_reason").asText()).isEqualTo("length");
        }
        CliRun tooSmall = eval("--max-answer-bytes", "10", "--format", "json");
        assertThat(tooSmall.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(tooSmall.json().get("error").get("message").asText()).contains("--max-answer-bytes must be >= 1024");
    }

    @Test
    void anEvalWhoseEndpointIsUnreachablePrintsAJsonErrorDocument() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun r = CliRun.of("eval", "--endpoint", "http://127.0.0.1:" + port, "--model", "m", "--task", "truth",
                "--store", dir.resolve("s.db").toString(), "--format", "json");

        assertThat(r.exit()).isEqualTo(ExitCode.UNAVAILABLE);
        JsonNode doc = r.json();
        assertThat(doc.get("schema_version").asInt()).isEqualTo(1);
        assertThat(doc.get("kind").asText()).isEqualTo("error");
        assertThat(doc.get("error").get("kind").asText()).isEqualTo("unavailable");
        assertThat(doc.get("error").get("exit_code").asInt()).isEqualTo(3);
        assertThat(doc.get("error").get("message").asText()).contains("127.0.0.1:" + port);
    }

    @Test
    void everyCommandPrintsAJsonErrorForBadInputAndForAFlagThatDoesNotParse() {
        CliRun unknownModel = CliRun.of("show", "no-such-model", "--format", "json");
        assertThat(unknownModel.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknownModel.json().get("error").get("kind").asText()).isEqualTo("bad_input");

        CliRun badFlag = CliRun.of("fit", "llama-4-scout", "--quant", "INT4", "--context", "many", "--json");
        assertThat(badFlag.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(badFlag.json().get("error").get("message").asText()).contains("--context");

        CliRun text = CliRun.of("show", "no-such-model");
        assertThat(text.out()).isEmpty();
    }

    @Test
    void aServerErrorBodyWithTerminalEscapesIsPrintedEscaped() {
        serve(r -> Reply.status(400, "{\"error\":{\"message\":\"bad \u001b]0;pwned\u0007 \u001b[2J\u009b31m "
                + "\u202eevil\"}}"));

        CliRun r = eval();

        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("\\x1b]0;pwned\\x07").contains("\\x1b[2J").contains("\\x9b31m")
                .contains("\\u202eevil");
        assertThat(r.err() + r.out()).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b")
                .doesNotContain("\u202e");
    }
}
