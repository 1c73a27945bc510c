package dev.arbiter.client;

import dev.arbiter.client.ModelException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMapperTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);
    private final ErrorMapper mapper = new ErrorMapper(CLOCK);

    @ParameterizedTest(name = "HTTP {0} ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
            "400 | {\"error\":{\"message\":\"max_tokens too large\"}}          | BAD_REQUEST",
            "401 | {\"error\":{\"message\":\"Invalid API key\"}}               | UNAUTHORIZED",
            "403 | {\"error\":\"forbidden\"}                                    | UNAUTHORIZED",
            "404 | {\"detail\":\"Not Found\"}                                  | NOT_FOUND",
            "404 | {\"error\":\"model \\\"qwen\\\" not found, try pulling it first\"} | NOT_FOUND",
            "400 | {\"error\":{\"message\":\"The model `x` does not exist.\"}}  | NOT_FOUND",
            "422 | {\"error\":\"Input validation error: inputs too long\"}     | BAD_REQUEST",
            "400 | {\"error\":{\"message\":\"This model's maximum context length is 32768 tokens. However, you requested 40000 tokens\"}} | CONTEXT_EXCEEDED",
            "400 | {\"error\":{\"code\":400,\"message\":\"the request exceeds the available context size, try increasing it\",\"type\":\"exceed_context_size_error\"}} | CONTEXT_EXCEEDED",
            "422 | {\"error\":\"Input validation error: `inputs` tokens + `max_new_tokens` must be <= 4096. Given: 5000\"} | CONTEXT_EXCEEDED",
            "400 | {\"error\":{\"code\":\"context_length_exceeded\",\"message\":\"too long\"}} | CONTEXT_EXCEEDED",
            "405 | Method Not Allowed                                          | UNSUPPORTED",
            "408 | ''                                                          | TIMEOUT",
            "413 | too large                                                   | CONTEXT_EXCEEDED",
            "429 | {\"error\":{\"message\":\"slow down\"}}                     | RATE_LIMITED",
            "500 | Internal Server Error                                       | SERVER_ERROR",
            "501 | not implemented                                             | UNSUPPORTED",
            "502 | Bad Gateway                                                 | SERVER_ERROR",
            "503 | {\"error\":\"model is loading\"}                            | SERVER_ERROR",
            "504 | Gateway Timeout                                             | SERVER_ERROR",
            "302 | moved                                                       | PROTOCOL",
    })
    void mapsEachStatusToTheKindTheCallerActsOn(int status, String body, Kind kind) {
        ModelException e = mapper.fromStatus(status, body, null, "POST /x");
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.retriable()).isEqualTo(kind == Kind.RATE_LIMITED || kind == Kind.SERVER_ERROR || kind == Kind.TIMEOUT);
    }

    @Test
    void putsTheServersOwnErrorTextInTheMessage() {
        ModelException e = mapper.fromStatus(400, "{\"error\":{\"message\":\"max_tokens must be <= 4096\",\"type\":\"x\"}}", null, "POST /v1/chat/completions");
        assertThat(e.getMessage()).isEqualTo("POST /v1/chat/completions: HTTP 400: max_tokens must be <= 4096");
    }

    @Test
    void truncatesALongServerText() {
        String text = mapper.fromStatus(500, "x".repeat(5000), null, "w").getMessage();
        assertThat(text).hasSizeLessThan(ErrorMapper.MAX_SERVER_TEXT + 40).endsWith("…");
    }

    @Test
    void parsesRetryAfterGivenInSeconds() {
        assertThat(mapper.fromStatus(429, "", "7", "w").retryAfterMillis()).isEqualTo(7000L);
        assertThat(mapper.retryAfterMillis("1.5")).isEqualTo(1500L);
    }

    @Test
    void parsesRetryAfterGivenAsAnHttpDate() {
        assertThat(mapper.retryAfterMillis("Sat, 01 Mar 2025 12:00:30 GMT")).isEqualTo(30_000L);
        assertThat(mapper.retryAfterMillis("Sat, 01 Mar 2025 11:59:00 GMT")).isEqualTo(0L);
    }

    @Test
    void ignoresAnUnreadableRetryAfter() {
        assertThat(mapper.retryAfterMillis("soon")).isNull();
        assertThat(mapper.retryAfterMillis("-3")).isNull();
        assertThat(mapper.fromStatus(429, "", null, "w").retryAfterMillis()).isNull();
    }

    @Test
    void keepsRetryAfterFromA503() {
        assertThat(mapper.fromStatus(503, "", "2", "w").retryAfterMillis()).isEqualTo(2000L);
    }

    @Test
    void mapsTimeoutsToTimeoutAndOtherIoFailuresToConnection() {
        assertThat(mapper.fromIo(new HttpConnectTimeoutException("x"), "w").kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(mapper.fromIo(new HttpTimeoutException("x"), "w").kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(mapper.fromIo(new ConnectException("refused"), "w").kind()).isEqualTo(Kind.REFUSED);
        assertThat(mapper.fromIo(new IOException("Connection reset"), "w").kind()).isEqualTo(Kind.CONNECTION);
    }

    @Test
    void mapsMalformedAndTruncatedBodies() {
        assertThat(mapper.malformed("w", "Unexpected end-of-input", null).kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(mapper.truncated("w").kind()).isEqualTo(Kind.CONNECTION);
    }

    @Test
    void usesTheCodeOfAnErrorSentInsideAStream() throws Exception {
        var node = dev.arbiter.client.http.WireJson.MAPPER.readTree("{\"error\":{\"message\":\"boom\",\"code\":503}}");
        assertThat(mapper.fromStreamError(node, "w").kind()).isEqualTo(Kind.SERVER_ERROR);
        var bare = dev.arbiter.client.http.WireJson.MAPPER.readTree("{\"error\":\"CUDA out of memory\"}");
        ModelException e = mapper.fromStreamError(bare, "w");
        assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(e.getMessage()).contains("CUDA out of memory");
    }

    @Test
    void scrubsTheSecretFromEveryMessage() {
        ErrorMapper m = mapper.redacting("sk-live-123");
        assertThat(m.fromStatus(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-live-123\"}}", null, "w").getMessage())
                .doesNotContain("sk-live-123").contains("[redacted]");
        assertThat(m.fromIo(new IOException("bad header sk-live-123"), "w").getMessage()).doesNotContain("sk-live-123");
        assertThat(m.toString()).doesNotContain("sk-live-123");
    }

    /** The reviewer's body: 279 x then the echoed header, so the 300-character cut falls inside the key. */
    @Test
    void scrubsAKeyThatTheTruncationOfALongServerTextWouldCut() throws Exception {
        String key = "sk-test-SECRET12345";
        ErrorMapper m = mapper.redacting(key);
        String message = "x".repeat(279) + "Bearer " + key;
        String body = "{\"error\":{\"message\":\"" + message + "\"}}";
        for (String text : java.util.List.of(
                m.fromStatus(400, body, null, "w").getMessage(),
                m.fromStreamError(dev.arbiter.client.http.WireJson.MAPPER.readTree(body), "w").getMessage(),
                m.malformed("w", message, null).getMessage())) {
            assertThat(text).contains("xBearer [redacted]").doesNotContain("sk-test-S");
        }
    }

    @Test
    void scrubsTheStartOfAKeyThatTheServerCutShortAtTheEndOfItsText() {
        ErrorMapper m = mapper.redacting("sk-test-SECRET12345");
        assertThat(m.fromStatus(401, "{\"error\":{\"message\":\"rejected Bearer sk-test-SEC\"}}", null, "w").getMessage())
                .endsWith("rejected Bearer [redacted]");
        assertThat(m.redact("rejected 'sk-test-SECRET1...'")).isEqualTo("rejected '[redacted]...'");
        assertThat(m.redact("raw body cut at the cap: Bearer sk-test-SECRET1234")).endsWith("Bearer [redacted]");
    }

    /** Fewer than 8 characters of a key are ordinary text ("sk-test" here): scrubbing them would garble messages. */
    @Test
    void leavesAShortStartOfTheKeyAlone() {
        ErrorMapper m = mapper.redacting("sk-test-SECRET12345");
        assertThat(m.redact("keys look like sk-test")).isEqualTo("keys look like sk-test");
        assertThat(mapper.redact("Bearer sk-test-SECRET1")).isEqualTo("Bearer sk-test-SECRET1");
    }
}
