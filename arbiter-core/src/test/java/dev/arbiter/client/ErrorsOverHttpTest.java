package dev.arbiter.client;

import dev.arbiter.client.ModelException.Kind;
import dev.arbiter.testing.Persona;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.testing.Script;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each failure a real server can produce, over real HTTP, in both dialects, streamed and not: the kind it maps to. */
class ErrorsOverHttpTest {
    static Stream<Arguments> failures() {
        List<Arguments> rows = new ArrayList<>();
        Object[][] table = {
                {"500", Reply.status(500, "{\"error\":{\"message\":\"engine died\"}}"), Kind.SERVER_ERROR},
                {"503", Reply.status(503, "{\"error\":\"model is loading\"}"), Kind.SERVER_ERROR},
                {"429", Reply.rateLimited("3"), Kind.RATE_LIMITED},
                {"401", Reply.status(401, "{\"error\":{\"message\":\"bad key\"}}"), Kind.UNAUTHORIZED},
                {"403", Reply.status(403, "{\"error\":\"forbidden\"}"), Kind.UNAUTHORIZED},
                {"400", Reply.status(400, "{\"error\":{\"message\":\"max_tokens too large\"}}"), Kind.BAD_REQUEST},
                {"malformed JSON", Reply.text("a b c").malformed(), Kind.PROTOCOL},
                {"dropped mid-stream", Reply.text("a b c d").droppingAfter(2), Kind.CONNECTION},
                {"dropped before answering", Reply.text("a b").droppingAfter(0), Kind.CONNECTION},
                {"ended without [DONE] or finish", Reply.text("a b c").withoutEnd(), Kind.CONNECTION},
        };
        for (Object[] row : table) {
            for (Persona p : List.of(Persona.VLLM, Persona.OLLAMA)) {
                for (boolean stream : List.of(false, true)) {
                    if (row[0].equals("ended without [DONE] or finish") && !stream) continue;
                    rows.add(Arguments.of(row[0], p, stream, row[1], row[2]));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} / {1} / stream={2} -> {4}")
    @MethodSource("failures")
    void mapsEachServerFailureToItsKind(String name, Persona persona, boolean stream, Reply reply, Kind kind) {
        try (ScriptedLlmServer server = ScriptedLlmServer.builder().persona(persona).script(Script.always(reply)).start()) {
            ModelClient c = ModelClients.create(server.endpoint(), Ticker.system());
            ModelException e = catchThrowableOfType(ModelException.class,
                    () -> c.generate(new GenerateRequest(List.of(ChatMessage.user("q")), null, null, stream)));
            assertThat(e).as(name).isNotNull();
            assertThat(e.kind()).as(name + ": " + e.getMessage()).isEqualTo(kind);
        }
    }

    @Test
    void carriesRetryAfterFromA429() {
        try (ScriptedLlmServer server = ScriptedLlmServer.start(Script.always(Reply.rateLimited("3")))) {
            ModelException e = catchThrowableOfType(ModelException.class,
                    () -> ModelClients.create(server.endpoint(), Ticker.system()).generate(GenerateRequest.chat(List.of(ChatMessage.user("q")), null)));
            assertThat(e.retryAfterMillis()).isEqualTo(3000L);
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.getMessage()).contains("Rate limit reached");
        }
    }

    @Test
    void mapsAnUnknownModelToNotFoundInBothDialects() {
        for (Persona p : List.of(Persona.VLLM, Persona.OLLAMA)) {
            try (ScriptedLlmServer server = ScriptedLlmServer.builder().persona(p).models("real").start()) {
                ModelClient c = ModelClients.create(server.endpoint().withModel("imaginary"), Ticker.system());
                ModelException e = catchThrowableOfType(ModelException.class,
                        () -> c.generate(GenerateRequest.chat(List.of(ChatMessage.user("q")), null)));
                assertThat(e.kind()).as(p.name()).isEqualTo(Kind.NOT_FOUND);
                assertThat(e.getMessage()).contains("imaginary");
            }
        }
    }

    @Test
    void timesOutAStreamThatStallsPastTheRequestTimeout() {
        try (ScriptedLlmServer server = ScriptedLlmServer.start(Script.always(Reply.text("a b c").withDelayMillis(2_000)))) {
            Endpoint e = server.endpoint().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300));
            ModelException ex = catchThrowableOfType(ModelException.class,
                    () -> ModelClients.create(e, Ticker.system()).generate(new GenerateRequest(List.of(ChatMessage.user("q")), null, null, true)));
            assertThat(ex.kind()).isEqualTo(Kind.TIMEOUT);
        }
    }

    @Test
    void reportsARefusedConnectionAtOnceNamingTheUrlAndWhatToStartAndDoesNotRetryIt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ModelClient c = ModelClients.create(Endpoint.of(URI.create("http://127.0.0.1:" + port), ApiFlavor.openai, "m"), Ticker.system());
        ModelException e = catchThrowableOfType(ModelException.class, () -> c.generate(GenerateRequest.completion("p", null)));
        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.retriable()).isFalse();
        assertThat(e.getMessage()).contains("http://127.0.0.1:" + port).contains("connection refused").contains("vllm serve")
                .doesNotContain("ConnectException");
        // one attempt: the retry policy gives up at once on an error no retry can fix
        int[] attempts = {0};
        List<Long> slept = new java.util.ArrayList<>();
        RetryPolicy policy = new RetryPolicy(6, java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(30),
                java.time.Duration.ofMinutes(5), slept::add, new java.util.Random(1));
        assertThatThrownBy(() -> policy.call(() -> { attempts[0]++; return c.generate(GenerateRequest.completion("p", null)); }))
                .isInstanceOf(ModelException.class);
        assertThat(attempts[0]).isEqualTo(1);
        assertThat(slept).isEmpty();
    }
}
