package dev.arbiter.testing;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The scripted server's own wire format and bookkeeping, checked with a plain HTTP client. */
class ScriptedLlmServerTest {
    private static HttpResponse<String> post(ScriptedLlmServer s, String path, String json) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(s.baseUri() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void streamsServerSentEventsEndingInDone() throws Exception {
        try (var s = ScriptedLlmServer.start(Script.always(Reply.chunks("Hi", "!")))) {
            HttpResponse<String> r = post(s, "/v1/chat/completions",
                    "{\"model\":\"scripted\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}");
            assertThat(r.headers().firstValue("content-type")).hasValue("text/event-stream");
            assertThat(r.body()).startsWith(": keep-alive\n\n").endsWith("data: [DONE]\n\n")
                    .contains("\"delta\":{\"content\":\"Hi\"}").contains("\"finish_reason\":\"stop\"");
        }
    }

    @Test
    void streamsOllamaLinesEndingInDoneTrue() throws Exception {
        try (var s = ScriptedLlmServer.builder().persona(Persona.OLLAMA).script(Script.always(Reply.chunks("a", "b"))).start()) {
            HttpResponse<String> r = post(s, "/api/generate", "{\"model\":\"scripted\",\"prompt\":\"x\"}");
            String[] lines = r.body().split("\n");
            assertThat(lines).hasSize(3);
            assertThat(lines[2]).contains("\"done\":true").contains("\"eval_count\":2");
        }
    }

    @Test
    void recordsEachRequestWithItsAttemptNumber() throws Exception {
        try (var s = ScriptedLlmServer.start(Script.byAttempt(Reply.status(500, "no"), Reply.text("yes")))) {
            String body = "{\"model\":\"scripted\",\"messages\":[{\"role\":\"user\",\"content\":\"q1\"}]}";
            assertThat(post(s, "/v1/chat/completions", body).statusCode()).isEqualTo(500);
            assertThat(post(s, "/v1/chat/completions", body).body()).contains("\"content\":\"yes\"");
            assertThat(s.generationRequests()).extracting(RecordedRequest::attempt).containsExactly(1, 2);
            assertThat(s.generationRequests()).extracting(RecordedRequest::lastUserMessage).containsExactly("q1", "q1");
        }
    }
}
