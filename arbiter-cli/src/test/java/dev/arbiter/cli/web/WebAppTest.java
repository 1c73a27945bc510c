package dev.arbiter.cli.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.cli.CliBridge;
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
import java.util.List;

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
    }

    @Test
    void optionsThatTouchFilesOrEndpointsAreRefused() throws Exception {
        for (String q : List.of("out=/tmp/x.html", "store=/etc/passwd", "catalog=/etc", "format=text")) {
            HttpResponse<String> r = get("/api/compare?models=gemma-3-27b&" + q);
            assertThat(r.statusCode()).as(q).isEqualTo(400);
            assertThat(json(r.body()).path("error").path("message").asText()).contains("not available through the API");
        }
        HttpResponse<String> atFile = get("/api/recommend?hardware=%40%2Fetc%2Fpasswd");
        assertThat(atFile.statusCode()).isEqualTo(400);
        assertThat(atFile.body()).doesNotContain("root:");
        assertThat(get("/api/recommend?hardware=--out%3D%2Ftmp%2Fx").statusCode()).isEqualTo(400);
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
    void thePagesAndTheirScriptsAreServedFromTheJar() throws Exception {
        assertThat(get("/").body()).contains("<title>Arbiter</title>").doesNotContain("http://").doesNotContain("https://");
        assertThat(get("/app.js").body()).contains("textContent");
        assertThat(get("/chart.js").body()).contains("Chart");
    }
}
