package dev.arbiter.cli;

import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key set through api_key_env reaches the server and no artefact of ours: not the run directory
 * (manifest.json, run.json, samples.jsonl), not the SQLite store (runs, samples, response_cache, read as raw bytes
 * so WAL pages count too), not the output of eval, runs, rescore or diff in either format, even though the server
 * echoes the Authorization header in answers, reasoning and error bodies.
 */
class ApiKeyLeakTest {
    private static final String SECRET = "sk-leakcheck-4e1f9b27c0d3-DO-NOT-PRINT";
    private static final String VAR = "ARBITER_LEAK_TEST_KEY";

    @TempDir Path dir;
    ScriptedLlmServer server;
    final List<String> printed = new ArrayList<>();

    @BeforeEach
    void start() {
        EvalCommand.registry = () -> CliTestTask.registry(8);
        EvalCommand.env = name -> name.equals(VAR) ? SECRET : null;
        // The 400 and 401 stop the run; they wait (up to 5 s) until the echoing answers were asked for, so that on a
        // loaded machine the stop cannot come before q0 and q1 are in flight (answers in flight are kept).
        java.util.concurrent.CountDownLatch echoed = new java.util.concurrent.CountDownLatch(2);
        server = ScriptedLlmServer.builder().requireApiKey(SECRET).script(r -> {
            String auth = r.header("Authorization");
            return switch (r.lastUserMessage()) {
                case "q0" -> {
                    echoed.countDown();
                    yield Reply.text("a0 (you sent " + auth + ")");
                }
                case "q1" -> {
                    echoed.countDown();
                    yield Reply.text("a1").withThink("the header was " + auth);
                }
                case "q2" -> afterEchoes(echoed, Reply.status(400, "{\"error\":{\"message\":\"bad request from " + auth + "\"}}"));
                case "q3" -> afterEchoes(echoed, Reply.status(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + auth + "\"}}"));
                default -> Reply.text(r.lastUserMessage().replace('q', 'a'));
            };
        }).start();
    }

    private static Reply afterEchoes(java.util.concurrent.CountDownLatch echoed, Reply reply) {
        try {
            echoed.await(5, java.util.concurrent.TimeUnit.SECONDS);
            Thread.sleep(100);  // the echoing answers' bytes are on their way before the stop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return reply;
    }

    @AfterEach
    void stop() {
        server.close();
        EvalCommand.registry = null;
        EvalCommand.env = null;
    }

    @Test
    void noArtefactOrOutputOfARunHoldsTheKeyEvenWhenTheServerEchoesIt() throws IOException {
        Path db = dir.resolve("store.db");
        for (String format : List.of("json", "text")) {
            run("eval", "--endpoint", server.baseUri().toString(), "--model", "scripted", "--api-key-env", VAR,
                    "--task", "truth", "--store", db.toString(), "--out", dir.resolve("run-" + format).toString(),
                    "--retries", "0", "--no-resume", "--format", format);
        }
        assertThat(server.generationRequests()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + SECRET));
        List<String> ids = CliRun.of("runs", "--store", db.toString(), "--format", "json").json().get("runs")
                .findValuesAsText("run_id");
        assertThat(ids).hasSize(2);
        for (String format : List.of("json", "text")) {
            run("runs", "--store", db.toString(), "--format", format);
            run("runs", ids.get(0), "--store", db.toString(), "--format", format);
            run("diff", ids.get(0), ids.get(1), "--store", db.toString(), "--format", format);
            run("rescore", ids.get(0), "--scorer", "includes", "--store", db.toString(),
                    "--out", dir.resolve("rescored-" + format).toString(), "--format", format);
        }

        assertThat(String.join("\n", printed)).contains("Bearer [redacted]").doesNotContain(SECRET);
        assertThat(dir.resolve("run-json/samples.jsonl")).content().contains("a0 (you sent Bearer [redacted])");
        List<Path> files = everyFile(dir);
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("manifest.json", "run.json", "samples.jsonl", "store.db");
        for (Path f : files) {
            assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                    .doesNotContain(SECRET);
        }
    }

    private void run(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isNotEqualTo(ExitCode.INTERNAL);
        printed.add(r.out());
        printed.add(r.err());
    }

    private static List<Path> everyFile(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
