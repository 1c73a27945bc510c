package dev.arbiter.client;

import com.sun.net.httpserver.HttpServer;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded fuzzing of everything a server can send back, through the real clients over HTTP on 127.0.0.1: SSE streams
 * (OpenAI), NDJSON streams (Ollama) and whole JSON bodies (both). Each body is a valid one mutated (bytes flipped,
 * cut, duplicated, fields retyped, nesting deepened, lines re-ended) or pure noise. Whatever arrives, generate()
 * returns an answer or throws a {@link ModelException}: never another exception, never a hang.
 */
class ParserFuzzTest {
    static final int CASES = 120;
    static HttpServer server;
    static final AtomicReference<byte[]> body = new AtomicReference<>(new byte[0]);
    static final AtomicReference<String> contentType = new AtomicReference<>("application/json");

    enum Shape {
        OPENAI_SSE(ApiFlavor.openai, true, "text/event-stream", List.of(
                "data: {\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"4\"}}]}\n\n",
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"2\"},\"logprobs\":{\"content\":[{\"token\":\"2\",\"logprob\":-0.1,\"top_logprobs\":[{\"token\":\"2\",\"logprob\":-0.1}]}]}}]}\n\n",
                "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}\n\n",
                "data: [DONE]\n\n")),
        OPENAI_JSON(ApiFlavor.openai, false, "application/json", List.of(
                "{\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"42\","
                        + "\"reasoning_content\":\"think\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,"
                        + "\"completion_tokens\":2}}")),
        OLLAMA_NDJSON(ApiFlavor.ollama, true, "application/x-ndjson", List.of(
                "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"4\"},\"done\":false}\n",
                "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"2\"},\"done\":false}\n",
                "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\","
                        + "\"prompt_eval_count\":3,\"eval_count\":2}\n")),
        OLLAMA_JSON(ApiFlavor.ollama, false, "application/json", List.of(
                "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"42\"},\"done\":true,\"done_reason\":\"stop\","
                        + "\"prompt_eval_count\":3,\"eval_count\":2}"));

        final ApiFlavor api;
        final boolean stream;
        final String type;
        final List<String> parts;

        Shape(ApiFlavor api, boolean stream, String type, List<String> parts) {
            this.api = api;
            this.stream = stream;
            this.type = type;
            this.parts = parts;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] b = body.get();
            exchange.getResponseHeaders().set("Content-Type", contentType.get());
            exchange.sendResponseHeaders(200, b.length == 0 ? -1 : b.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void everyMutatedBodyGivesAnAnswerOrATypedError(Shape shape) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        Endpoint endpoint = Endpoint.of(base, shape.api, "m");
        SplittableRandom random = new SplittableRandom(20261207L + shape.ordinal());
        contentType.set(shape.type);
        int answers = 0;
        int typed = 0;
        try (ModelClient client = ModelClients.create(endpoint, Ticker.system())) {
            GenerateRequest request = new GenerateRequest(List.of(ChatMessage.user("q")), null, null, shape.stream);
            body.set(String.join("", shape.parts).getBytes(StandardCharsets.UTF_8));
            assertThat(client.generate(request).text()).isEqualTo("42"); // the unmutated body parses
            for (int i = 0; i < CASES; i++) {
                byte[] fuzzed = mutate(shape, random);
                body.set(fuzzed);
                try {
                    GenerateResponse r = client.generate(request);
                    assertThat(r).isNotNull();
                    answers++;
                } catch (ModelException e) {
                    assertThat(e.kind()).isNotNull();
                    assertThat(e.getMessage()).isNotBlank();
                    typed++;
                } catch (RuntimeException | StackOverflowError e) {
                    fail("case " + i + " of " + shape + " threw " + e + " for body: "
                            + new String(fuzzed, StandardCharsets.UTF_8), e);
                }
            }
        }
        assertThat(answers + typed).isEqualTo(CASES);
        assertThat(typed).as("the fuzzer must reach the error paths").isPositive();
    }

    /** One mutation of the valid body, chosen by the seeded generator. */
    static byte[] mutate(Shape shape, SplittableRandom r) {
        String valid = String.join("", shape.parts);
        String s = switch (r.nextInt(10)) {
            case 0 -> flipBytes(valid, r);
            case 1 -> valid.substring(0, r.nextInt(valid.length()));
            case 2 -> retype(valid, r);
            case 3 -> valid.replace("\n", List.of("\r", "\r\n", "", "\n\n\n", "\u0000").get(r.nextInt(5)));
            case 4 -> "[".repeat(10_000 + r.nextInt(50_000)) + valid;
            case 5 -> noise(r, 1 + r.nextInt(4096));
            case 6 -> valid.replace("\"content\":\"4\"", "\"content\":" + List.of("4", "null", "[]", "{}", "true",
                    "\"\\ud800\"", "1e999999", "-0").get(r.nextInt(8)));
            case 7 -> shape.parts.get(r.nextInt(shape.parts.size())).repeat(1 + r.nextInt(50));
            case 8 -> insert(valid, r, List.of("{", "}", "\"", ":", ",", "data:", "\\", "\u00ff", "null").get(r.nextInt(9)));
            default -> valid.replace("\"choices\":[", "\"choices\":" + List.of("null,\"x\":[", "5,\"x\":[", "[[", "[null,")
                    .get(r.nextInt(4))).replace("\"message\":{", "\"message\":" + List.of("null,\"x\":{", "[{", "{\"content\":{},")
                    .get(r.nextInt(3)));
        };
        return s.getBytes(StandardCharsets.ISO_8859_1.newEncoder().canEncode(s) && r.nextBoolean()
                ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    static String flipBytes(String s, SplittableRandom r) {
        char[] c = s.toCharArray();
        for (int n = 1 + r.nextInt(8); n > 0; n--) c[r.nextInt(c.length)] = (char) r.nextInt(256);
        return new String(c);
    }

    static String retype(String s, SplittableRandom r) {
        String[] values = {"null", "\"x\"", "-1", "1.5e308", "[]", "{}", "true", "99999999999999999999999"};
        return s.replaceAll(":(\\d+|\"[^\"]*\"|true|false)", ":" + values[r.nextInt(values.length)]);
    }

    static String noise(SplittableRandom r, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) b.append((char) r.nextInt(256));
        return b.toString();
    }

    static String insert(String s, SplittableRandom r, String what) {
        int at = r.nextInt(s.length() + 1);
        return s.substring(0, at) + what + s.substring(at);
    }
}
