package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointsCommandTest {
    private final List<HttpServer> servers = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    /** A server on 127.0.0.1 answering each path with a fixed JSON body (404 elsewhere). */
    private int serve(Map<String, String> routes) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", ex -> {
            String body = routes.get(ex.getRequestURI().getPath());
            byte[] bytes = (body == null ? "{\"detail\":\"Not Found\"}" : body).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        s.start();
        servers.add(s);
        return s.getAddress().getPort();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private int run(String... args) {
        return Arbiter.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void listsTheServersItFindsAsJson() throws Exception {
        int ollama = serve(Map.of("/api/tags", "{\"models\":[{\"name\":\"qwen2.5:7b\"}]}", "/api/version", "{\"version\":\"0.12.6\"}"));
        int vllm = serve(Map.of("/version", "{\"version\":\"0.8.5\"}",
                "/v1/models", "{\"data\":[{\"id\":\"Qwen/Qwen2.5-7B-Instruct\",\"max_model_len\":32768}]}"));

        int code = run("endpoints", "--port", ollama + "," + closedPort() + "," + vllm, "--format", "json");

        assertThat(code).isEqualTo(ExitCode.OK);
        JsonNode doc = Json.mapper().readTree(out.toString());
        assertThat(doc.get("kind").asText()).isEqualTo("endpoints");
        JsonNode es = doc.get("endpoints");
        assertThat(es).hasSize(2);
        assertThat(es.get(0).get("server").asText()).isEqualTo("ollama");
        assertThat(es.get(0).get("api").asText()).isEqualTo("ollama");
        assertThat(es.get(0).get("models").get(0).asText()).isEqualTo("qwen2.5:7b");
        assertThat(es.get(1).get("server").asText()).isEqualTo("vllm");
        assertThat(es.get(1).get("url").asText()).isEqualTo("http://127.0.0.1:" + vllm);
        assertThat(es.get(1).get("context_length").asInt()).isEqualTo(32768);
    }

    @Test
    void printsATableForPeople() throws Exception {
        int port = serve(Map.of("/v1/models", "{\"data\":[{\"id\":\"local-model\"}]}"));
        assertThat(run("endpoints", "--port", String.valueOf(port))).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("openai-compatible").contains("local-model").contains("http://127.0.0.1:" + port);
        assertThat(err.toString()).contains("--endpoint http://127.0.0.1:" + port + " --model local-model");
    }

    @Test
    void saysWhatToStartAndExitsThreeWhenNothingAnswers() throws Exception {
        int code = run("endpoints", "--port", String.valueOf(closedPort()));
        assertThat(code).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .contains("no model server found")
                .contains("ollama serve && ollama pull qwen2.5:7b")
                .contains("vllm serve Qwen/Qwen2.5-7B-Instruct")
                .contains("llama-server -m model.gguf");
    }
}
