package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A minimal OpenAI-dialect server on 127.0.0.1 (port 0) for CLI tests: chat completions answered by
 * {@code answers(last user message)}, the model list, and 404 for everything else. Knows one model; another name
 * gets vLLM's 404. Optionally requires a bearer key (else 401) or fails every chat call with a fixed status.
 */
final class TinyOpenAiServer implements AutoCloseable {
    private static final ObjectMapper M = new ObjectMapper();
    final AtomicInteger chatCalls = new AtomicInteger();
    private final HttpServer http;
    private final String model;
    private final Function<String, String> answers;
    volatile String requiredKey;
    volatile int failWith;

    TinyOpenAiServer(String model, Function<String, String> answers) throws IOException {
        this.model = model;
        this.answers = answers;
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        http.setExecutor(Executors.newFixedThreadPool(8));
        http.createContext("/", this::handle);
        http.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            byte[] in = ex.getRequestBody().readAllBytes();
            if (requiredKey != null && !("Bearer " + requiredKey).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, "{\"error\":{\"message\":\"Invalid API key\"}}");
                return;
            }
            if (path.equals("/v1/models")) {
                send(ex, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"" + model + "\",\"object\":\"model\"}]}");
                return;
            }
            if (!path.equals("/v1/chat/completions")) {
                send(ex, 404, "{\"detail\":\"Not Found\"}");
                return;
            }
            JsonNode req = M.readTree(in);
            if (!model.equals(req.path("model").asText())) {
                send(ex, 404, "{\"object\":\"error\",\"message\":\"The model does not exist.\",\"code\":404}");
                return;
            }
            String question = "";
            for (JsonNode m : req.path("messages")) if (m.path("role").asText().equals("user")) question = m.path("content").asText();
            boolean probe = !question.matches("q\\d+");
            if (!probe) chatCalls.incrementAndGet();
            if (failWith != 0 && !probe) {
                send(ex, failWith, "{\"error\":{\"message\":\"scripted failure\"}}");
                return;
            }
            ObjectNode body = M.createObjectNode().put("id", "c1").put("object", "chat.completion").put("model", model);
            ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", probe ? "OK" : answers.apply(question));
            body.putObject("usage").put("prompt_tokens", 3).put("completion_tokens", 1).put("total_tokens", 4);
            send(ex, 200, M.writeValueAsString(body));
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
