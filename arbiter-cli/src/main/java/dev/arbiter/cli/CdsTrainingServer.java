package dev.arbiter.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The stand-in model server of the class-data archive's training run ({@link CdsTraining}): on 127.0.0.1, a port
 * the system picks, an OpenAI-compatible model list and chat completions that answer "The answer is A", streamed as SSE chunks when
 * asked to stream (as vLLM sends them), so the training eval loads the classes a real eval loads (client, SSE,
 * chunk reading, scoring, store). Never a test double: nothing checks what it answers, and it serves only the
 * training process, which stops it at the end.
 */
final class CdsTrainingServer implements AutoCloseable {
    static final String MODEL = "cds-training";
    private static final byte[] MODELS = ("{\"object\":\"list\",\"data\":[{\"id\":\"" + MODEL
            + "\",\"object\":\"model\",\"max_model_len\":4096}]}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] WHOLE = ("{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"" + MODEL + "\","
            + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"The answer is A\"}}],"
            + "\"usage\":{\"prompt_tokens\":8,\"completion_tokens\":1,\"total_tokens\":9}}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] STREAM = streamed();

    private final HttpServer http;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    CdsTrainingServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        http.setExecutor(pool);
        http.createContext("/", this::handle);
        http.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    private static byte[] streamed() {
        StringBuilder sb = new StringBuilder();
        for (String piece : new String[] {"The answer", " is", " A"}) {
            sb.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"").append(MODEL)
                    .append("\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"").append(piece)
                    .append("\"},\"finish_reason\":null}]}\n\n");
        }
        sb.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"").append(MODEL)
                .append("\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],")
                .append("\"usage\":{\"prompt_tokens\":8,\"completion_tokens\":3,\"total_tokens\":11}}\n\n");
        sb.append("data: [DONE]\n\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = ex.getRequestURI().getPath();
            if (path.endsWith("/models")) {
                send(ex, 200, "application/json", MODELS);
            } else if (path.endsWith("/chat/completions")) {
                boolean stream = body.replace(" ", "").contains("\"stream\":true");
                send(ex, 200, stream ? "text/event-stream" : "application/json", stream ? STREAM : WHOLE);
            } else {
                send(ex, 404, "application/json", "{\"error\":{\"message\":\"not found\"}}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        pool.shutdownNow();
    }
}
