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
 * (manifest.json, run.json, samples.jsonl; bench's requests.jsonl and requests.csv), not the SQLite store (runs,
 * samples, response_cache, read as raw bytes so WAL pages count too), not the output of eval, bench, runs, rescore,
 * diff or report in either format, nor the web API's answer, even though the server echoes the Authorization header
 * in answers, reasoning, error bodies, error events inside 200 streams and broken stream events, whole or cut short.
 */
class ApiKeyLeakTest {
    private static final String SECRET = "sk-leakcheck-4e1f9b27c0d3-DO-NOT-PRINT";
    /** The key's first 12 characters: what a key cut by the server, or by our own truncation, would leave. */
    private static final String SECRET_PREFIX = SECRET.substring(0, 12);
    private static final String VAR = "ARBITER_LEAK_TEST_KEY";

    @TempDir Path dir;
    ScriptedLlmServer server;
    final List<String> printed = new ArrayList<>();

    @BeforeEach
    void keys() {
        EvalCommand.env = name -> name.equals(VAR) ? SECRET : null;
        BenchCommand.env = EvalCommand.env;
    }

    private void startEvalServer() {
        EvalCommand.registry = () -> CliTestTask.registry(8);
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
        if (server != null) server.close();
        EvalCommand.registry = null;
        EvalCommand.env = null;
        BenchCommand.env = null;
    }

    @Test
    void noArtefactOrOutputOfARunHoldsTheKeyEvenWhenTheServerEchoesIt() throws IOException {
        startEvalServer();
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
        assertNoFileHoldsTheKey("manifest.json", "run.json", "samples.jsonl", "store.db");
    }

    /**
     * Every way a bench request can fail with the server's words in its reason, each echoing the key: an error event
     * in a 200 stream, an HTTP error whose message puts the key across the 300-character cut, a broken stream event
     * with the key past the first 120 characters, and an error whose server cut the key short itself.
     */
    @Test
    void noArtefactOrOutputOfABenchHoldsTheKeyWhateverWayTheServerEchoesItInAFailure() throws Exception {
        String x279 = "x".repeat(279);
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        server = ScriptedLlmServer.builder().requireApiKey(SECRET).models("streamerr").script(r -> {
            String auth = r.header("Authorization");
            return switch (n.getAndIncrement() % 5) {
                case 0 -> Reply.text("a b c");
                case 1 -> Reply.text("a b c").withStreamEvent("{\"error\":{\"message\":\"upstream rejected key " + auth + "\"}}");
                case 2 -> Reply.status(400, "{\"error\":{\"message\":\"" + x279 + auth + "\"}}");
                case 3 -> Reply.text("a b c").withStreamEvent("not json " + "y".repeat(110) + auth);
                default -> Reply.status(401, "{\"error\":{\"message\":\"rejected " + auth.substring(0, 7 + 16) + "\"}}");
            };
        }).start();
        Path db = dir.resolve("store.db");
        for (String format : List.of("json", "text")) {
            run("bench", "--endpoint", server.baseUri().toString(), "--model", "streamerr", "--api-key-env", VAR,
                    "--concurrency", "2", "--requests", "10", "--warmup", "0", "--input-tokens", "8", "--output-tokens", "3",
                    "--store", db.toString(), "--out", dir.resolve("bench-" + format).toString(), "--format", format);
        }
        assertThat(server.generationRequests()).hasSize(20)
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + SECRET));
        List<String> ids = CliRun.of("runs", "--store", db.toString(), "--format", "json").json().get("runs")
                .findValuesAsText("run_id");
        assertThat(ids).hasSize(2);
        for (String format : List.of("json", "text")) {
            run("runs", ids.get(0), "--store", db.toString(), "--format", format);
            run("report", ids.get(0), "--store", db.toString(), "--format", format);
        }
        io.javalin.Javalin web = new dev.arbiter.cli.web.WebApp(db).create().start("127.0.0.1", 0);
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            for (String path : List.of("/api/runs/" + ids.get(0), "/api/report?run=" + ids.get(0))) {
                java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + web.port() + path)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
                printed.add(r.body());
            }
        } finally {
            web.stop();
        }

        String all = String.join("\n", printed);
        assertThat(all).contains("[redacted]").doesNotContain(SECRET).doesNotContain(SECRET_PREFIX);
        assertThat(dir.resolve("bench-json/requests.jsonl")).content()
                .contains("upstream rejected key Bearer [redacted]", "xxxBearer [redacted]", "rejected Bearer [redacted]");
        assertNoFileHoldsTheKey("requests.jsonl", "requests.csv", "store.db");
    }

    /** No file under the test's directory holds the key or its first characters, and each of {@code names} is there. */
    private void assertNoFileHoldsTheKey(String... names) throws IOException {
        List<Path> files = everyFile(dir);
        assertThat(files).extracting(p -> p.getFileName().toString()).contains(names);
        for (Path f : files) {
            assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                    .doesNotContain(SECRET).doesNotContain(SECRET_PREFIX);
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
