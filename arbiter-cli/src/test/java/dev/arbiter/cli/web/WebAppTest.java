package dev.arbiter.cli.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.cli.CliBridge;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.report.ReportFixture;
import dev.arbiter.util.Json;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The API on port 0: every route answers the CLI's JSON for the same question; bad input is a 400 that names it. */
class WebAppTest {
    @TempDir Path dir;
    Javalin app;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        app = new WebApp(dir.resolve("arbiter.db")).create().start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String s) throws IOException {
        return Json.mapper().readTree(s);
    }

    static JsonNode cli(String... args) throws IOException {
        CliBridge.Result r = CliBridge.run(List.of(args));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return json(r.out());
    }

    @Test
    void recommendAnswersExactlyWhatTheCliPrints() throws Exception {
        HttpResponse<String> r = get("/api/recommend?hardware=rtx-4090&use_case=code");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/json");
        assertThat(json(r.body())).isEqualTo(cli("recommend", "--hardware", "rtx-4090", "--use-case", "code", "--format", "json"));
    }

    @Test
    void catalogueModelFitHardwareAndCompareMatchTheCli() throws Exception {
        assertThat(json(get("/api/models").body())).isEqualTo(cli("models", "--format", "json"));
        assertThat(json(get("/api/models/gemma-3-27b").body())).isEqualTo(cli("show", "gemma-3-27b", "--format", "json"));
        assertThat(json(get("/api/hardware").body())).isEqualTo(cli("hardware", "--format", "json"));
        assertThat(json(get("/api/fit?model=qwen2.5-7b&quant=Q4_K_M&hardware=rtx-4090").body()))
                .isEqualTo(cli("fit", "qwen2.5-7b", "--quant", "Q4_K_M", "--hardware", "rtx-4090", "--format", "json"));
        assertThat(json(get("/api/compare?models=gemma-3-27b,qwen2.5-72b").body()))
                .isEqualTo(cli("compare", "gemma-3-27b", "qwen2.5-72b", "--format", "json"));
        assertThat(json(get("/api/openapi.json").body()).path("paths").has("/api/recommend")).isTrue();
    }

    @Test
    void badInputIsA400WithTheCommandsMessageAndNoStackTrace() throws Exception {
        HttpResponse<String> unknownModel = get("/api/models/no-such-model");
        assertThat(unknownModel.statusCode()).isEqualTo(400);
        JsonNode e = json(unknownModel.body()).path("error");
        assertThat(e.path("message").asText()).contains("no-such-model");
        assertThat(unknownModel.body()).doesNotContain("at dev.arbiter").doesNotContain("Exception");

        assertThat(get("/api/recommend?hardware=rtx-4090&use_case=knitting").statusCode()).isEqualTo(400);
        assertThat(get("/api/fit?quant=Q4_K_M").statusCode()).isEqualTo(400);
        assertThat(get("/api/recommend?no_such_flag=1").statusCode()).isEqualTo(400);

        // every error is the CLI's error document, whether the CLI or a route of the server wrote it
        for (String path : List.of("/api/models/no-such-model", "/api/compare?models=", "/api/runs/no-run/samples", "/runs/no-run",
                "/api/report")) {
            HttpResponse<String> r = get(path);
            JsonNode doc = json(r.body());
            assertThat(r.statusCode()).as(path).isBetween(400, 499);
            assertThat(doc.path("schema_version").asInt()).as(path + " " + r.body()).isEqualTo(1);
            assertThat(doc.path("kind").asText()).as(path + " " + r.body()).isEqualTo("error");
            assertThat(doc.path("error").path("kind").asText()).as(path).isNotBlank();
            assertThat(doc.path("error").path("message").asText()).as(path).isNotBlank();
            assertThat(doc.path("error").path("exit_code").asInt()).as(path + " " + r.body()).isEqualTo(r.statusCode() == 400 ? 2 : 3);
        }
    }

    @Test
    void optionsThatTouchFilesOrEndpointsAreRefused() throws Exception {
        for (String q : List.of("out=/tmp/x.html", "store=/etc/passwd", "catalog=/etc", "format=text")) {
            HttpResponse<String> r = get("/api/compare?models=gemma-3-27b&" + q);
            assertThat(r.statusCode()).as(q).isEqualTo(400);
            assertThat(json(r.body()).path("error").path("message").asText()).contains("not available through the API");
        }
        // the reviewer's request: a price list's hardware id came back in the error, and a missing file said so
        java.nio.file.Path prices = java.nio.file.Files.writeString(dir.resolve("p2.yaml"),
                "prices:\n  - hardware: AKIA-SECRET-VALUE-1\n");
        for (String route : List.of("/api/compare?models=qwen2.5-7b&hardware=h100-80gb&", "/api/recommend?hardware=h100-80gb&")) {
            for (String file : List.of(prices.toString(), dir.resolve("absent.yaml").toString(), "p2.yaml")) {
                HttpResponse<String> r = get(route + "prices=" + java.net.URLEncoder.encode(file, StandardCharsets.UTF_8));
                assertThat(r.statusCode()).as(route + file).isEqualTo(400);
                assertThat(r.body()).as(route + file).contains("not available through the API")
                        .doesNotContain("AKIA").doesNotContain(".yaml");
            }
        }
        HttpResponse<String> atFile = get("/api/recommend?hardware=%40%2Fetc%2Fpasswd");
        assertThat(atFile.statusCode()).isEqualTo(400);
        assertThat(atFile.body()).doesNotContain("root:");
        assertThat(get("/api/recommend?hardware=--out%3D%2Ftmp%2Fx").statusCode()).isEqualTo(400);
    }

    /** A raw HTTP/1.1 request with the given Host header (java.net.http will not send a chosen Host); the status line. */
    String statusWithHost(String path, String host) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElse("");
        }
    }

    @Test
    void aRequestForAnotherHostNameIsRefusedSoDnsRebindingReadsNothing() throws Exception {
        // a web page whose own name was made to resolve to 127.0.0.1 sends its name as Host
        assertThat(statusWithHost("/api/runs", "attacker.example:" + app.port())).contains(" 403");
        assertThat(statusWithHost("/api/runs/some-run/samples", "attacker.example")).contains(" 403");
        for (String host : List.of("localhost:" + app.port(), "127.0.0.1:" + app.port(), "[::1]:" + app.port(), "LOCALHOST")) {
            assertThat(statusWithHost("/api/models", host)).as(host).contains(" 200");
        }
        assertThat(WebApp.loopbackHost("127.0.0.2:80")).isTrue();
        assertThat(WebApp.loopbackHost("127.0.0.1.attacker.example")).isFalse();
        assertThat(WebApp.loopbackHost("[::1].attacker.example")).isFalse();
        assertThat(WebApp.loopbackHost("localhost.attacker.example:8080")).isFalse();
    }

    @Test
    void pathTraversalNeverServesAFile() throws Exception {
        for (String p : List.of("/api/runs/..%2F..%2Fetc%2Fpasswd", "/runs/..%2F..%2Fetc%2Fpasswd", "/api/models/..%2F..%2Fetc%2Fpasswd",
                "/..%2F..%2Fetc%2Fpasswd", "/%2e%2e/%2e%2e/etc/passwd")) {
            HttpResponse<String> r = get(p);
            assertThat(r.statusCode()).as(p).isIn(400, 404);
            assertThat(r.body()).as(p).doesNotContain("root:x:");
        }
        // A raw request line that a client would normalise away.
        try (Socket s = new Socket("127.0.0.1", app.port())) {
            s.getOutputStream().write("GET /../../../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).doesNotContain("root:x:");
        }
    }

    @Test
    void runsWithoutAStoreSayWhatToDo() throws Exception {
        HttpResponse<String> r = get("/api/runs/some-run/samples");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r.body()).path("error").path("message").asText()).contains("eval");
    }

    @Test
    void anUnknownRunInAStoreIsA404WithTheClisExitCode() throws Exception {
        ReportFixture.write(dir.resolve("arbiter.db"));
        for (String path : List.of("/api/runs/no-such-run", "/api/runs/no-such-run/samples", "/runs/no-such-run")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            JsonNode e = json(r.body()).path("error");
            assertThat(e.path("message").asText()).as(path).contains("no run no-such-run");
            // the CLI's own answer to `runs no-such-run` is bad input (exit 2): the document says what it would say
            assertThat(e.path("exit_code").asInt()).as(path).isEqualTo(2);
        }
        assertThat(get("/api/runs/" + ReportFixture.QWEN).statusCode()).isEqualTo(200);
        assertThat(get("/api/runs/" + ReportFixture.QWEN + "/samples").statusCode()).isEqualTo(200);
        assertThat(get("/runs/" + ReportFixture.QWEN).statusCode()).isEqualTo(200);
    }

    @Test
    void reportAnswersWhatReportFormatJsonPrints() throws Exception {
        ReportFixture.write(dir.resolve("arbiter.db"));
        HttpResponse<String> r = get("/api/report?run=" + ReportFixture.QWEN + "&run=" + ReportFixture.HOUSE + "&run=" + ReportFixture.BENCH);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        ObjectNode api = (ObjectNode) json(r.body());
        ObjectNode cli = (ObjectNode) cli("report", ReportFixture.QWEN, ReportFixture.HOUSE, ReportFixture.BENCH,
                "--store", dir.resolve("arbiter.db").toString(), "--format", "json");
        api.remove("generated_at");  // the one field that is the time of the request
        cli.remove("generated_at");
        assertThat(api).isEqualTo(cli);
        assertThat(api.path("kind").asText()).isEqualTo("report");

        HttpResponse<String> shortlist = get("/api/report?run=" + ReportFixture.QWEN + "&hardware=rtx-4090&use_case=code");
        assertThat(json(shortlist.body()).path("summary").path("shortlist").path("ranked").size()).isPositive();

        // a bench run's page is its report: the run list links every run to /runs/ID
        HttpResponse<String> bench = get("/runs/" + ReportFixture.BENCH);
        assertThat(bench.statusCode()).as(bench.body()).isEqualTo(303);
        assertThat(bench.headers().firstValue("location").orElse("")).isEqualTo("/report?run=" + ReportFixture.BENCH);
        assertThat(get(bench.headers().firstValue("location").orElseThrow()).statusCode()).isEqualTo(200);

        HttpResponse<String> page = get("/report?run=" + ReportFixture.QWEN + "&run=" + ReportFixture.HOUSE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("ArbiterReport.render").doesNotContain("<img src=x");
    }

    @Test
    void reportBadInputIsA400ThatSaysWhy() throws Exception {
        ReportFixture.write(dir.resolve("arbiter.db"));
        Map<String, String> cases = Map.of(
                "/api/report", "'run' is required",
                "/api/report?run=..%2F..%2Fetc%2Fpasswd", "not a run id",
                "/api/report?run=no-such-run", "no run no-such-run",
                "/api/report?run=" + ReportFixture.QWEN + "&store=%2Fetc%2Fpasswd", "not available through the API",
                "/api/report?run=" + ReportFixture.QWEN + "&use_case=code", "--use-case needs --hardware",
                "/api/report?run=" + ReportFixture.QWEN + "&max_chars=3", "--max-chars must be >= 20",
                "/report?run=%40%2Fetc%2Fpasswd", "not a run id");
        for (var c : cases.entrySet()) {
            HttpResponse<String> r = get(c.getKey());
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(json(r.body()).path("error").path("message").asText()).as(c.getKey()).contains(c.getValue());
            assertThat(r.body()).as(c.getKey()).doesNotContain("at dev.arbiter").doesNotContain("root:x:");
        }
    }

    @Test
    void aRunningEvalIsReadWhileItsWriterHoldsTheStore() throws Exception {
        Path file = dir.resolve("arbiter.db");
        Instant start = Instant.parse("2026-01-01T09:00:00Z");
        try (RunStore writer = RunStore.open(file);  // the eval's own connection, open the whole time
             dev.arbiter.eval.store.RunLease lease = writer.runLock(java.time.Clock.systemUTC()).acquire("live-run")) {
            ReportFixture.start(writer, "live-run", "m", start);
            ReportFixture.answer(writer, "live-run", "m", start, 0, true, "A");
            ReportFixture.answer(writer, "live-run", "m", start, 1, false, "B");
            JsonNode first = json(get("/api/runs/live-run").body());
            assertThat(first.path("status").asText()).isEqualTo("running");
            assertThat(first.path("tasks").get(0).path("scored").asInt()).isEqualTo(2);
            assertThat(first.path("tasks").get(0).path("metrics").path("accuracy").path("value").asDouble()).isEqualTo(0.5);

            ReportFixture.answer(writer, "live-run", "m", start, 2, true, "A");
            JsonNode second = json(get("/api/runs/live-run").body());
            assertThat(second.path("tasks").get(0).path("scored").asInt()).isEqualTo(3);
            assertThat(second.path("tasks").get(0).path("missing").asInt()).isEqualTo(9);
            JsonNode row = json(get("/api/runs").body()).path("runs").get(0);
            assertThat(row.path("samples").asInt()).isEqualTo(3);
            // a running run is counted from what it stored (app.js's answered() falls back to it): rebuilding its
            // record from every answer at each poll would take CPU from the run itself
            assertThat(row.hasNonNull("answered")).isFalse();
            assertThat(row.path("planned").asInt()).isEqualTo(12);
            assertThat(row.path("status").asText()).isEqualTo("running");
        }
    }

    @Test
    void aRunKilledWithSigkillIsListedAsStaleNotRunningSoThePageOffersNoLiveView() throws Exception {
        Path file = dir.resolve("arbiter.db");
        try (RunStore s = RunStore.open(file)) {
            ReportFixture.killed(s, "killed", "m", Instant.parse("2026-01-01T09:00:00Z"), 60, 14, i -> true);  // nobody holds it
        }
        JsonNode row = json(get("/api/runs").body()).path("runs").get(0);
        assertThat(row.path("status").asText()).isEqualTo("stale");
        assertThat(row.path("samples").asInt()).isEqualTo(14);
        assertThat(get("/app.js").body()).contains("if (run.status === \"running\")");  // the live link's only condition
    }

    @Test
    void thePagesAndTheirScriptsAreServedFromTheJar() throws Exception {
        assertThat(get("/").body()).contains("<title>Arbiter</title>").doesNotContain("http://").doesNotContain("https://");
        assertThat(get("/app.js").body()).contains("textContent");
        assertThat(get("/chart.js").body()).contains("Chart");
        HttpResponse<String> renderer = get("/report.js");
        assertThat(renderer.headers().firstValue("content-type").orElse("")).contains("charset=utf-8");
        assertThat(renderer.body()).contains("ArbiterReport").contains("textContent").contains("≈");  // not mangled to '?'

        assertThat(get("/report.css").body()).contains(".arbiter-report");
    }
}
