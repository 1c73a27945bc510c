package dev.arbiter.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.ModelException.Kind;
import dev.arbiter.client.http.LineReader;
import dev.arbiter.client.http.WireJson;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place where HTTP statuses, I/O failures and bad payloads become {@link ModelException}s. Messages carry
 * the server's own error text (truncated to {@value #MAX_SERVER_TEXT} chars) so the user sees why, and never the
 * API key: the secret is replaced in the server's text before that text is cut (a key across the cut would no longer
 * match), and again in the whole message. {@link #redact} is the one scrubber of text from a server that failed; the
 * serving benchmark, which reads streams itself, passes its failure reasons through it too.
 */
public final class ErrorMapper {
    static final int MAX_SERVER_TEXT = 300;
    /**
     * Shortest start of the key scrubbed where it ends the text (a key cut short, by the server that echoed it or by a
     * cap on the body read). Shorter starts are ordinary text ("sk-", "Bearer s"), so scrubbing them would garble
     * messages; 8 is also the shortest key accepted ({@link RedactingModelClient#MIN_KEY_CHARS}).
     */
    static final int MIN_CUT_KEY_CHARS = RedactingModelClient.MIN_KEY_CHARS;
    /** What a key cut short may be followed by at the end of a text: an ellipsis, quotes or brackets closing it, space. */
    private static final String CUT_TAIL = ".…\"'`)]}>";
    private static final Pattern UNKNOWN_MODEL = Pattern.compile(
            "(?i)model_not_found|\\bmodel\\b.{0,200}\\b(not found|does not exist|not exist|unknown|not available)");

    /**
     * Every server's wording of "the prompt is longer than the context" (sources in
     * src/test/resources/contracts/FIXTURES.md): OpenAI and vLLM's chat ("maximum context length"), vLLM's input
     * processor ("The decoder prompt (length N) is longer than the maximum model length of M"), SGLang ("The input
     * (N tokens) is longer than the model's context length"), llama.cpp ("exceeds the available context size",
     * exceed_context_size_error), TGI ("`inputs` tokens + `max_new_tokens` must be <="), Ollama ("prompt too long;
     * exceeded max context length", "the prompt is longer than the context length currently available", "the input
     * length exceeds the context length").
     */
    private static final Pattern CONTEXT_EXCEEDED = Pattern.compile(
            "(?i)context_length_exceeded|maximum context length|exceeds? (the )?(available )?context|context (size|window|length) (has been )?exceeded"
                    + "|exceed_context_size|tokens \\+ `?max_new_tokens`? must be <="
                    + "|longer than the maximum model length|longer than the (model's )?context length|prompt (is )?too long"
                    + "|input length exceeds the context length");

    private final Clock clock;
    private final String secret;

    /** @param clock wall clock, only for Retry-After given as an HTTP date */
    public ErrorMapper(Clock clock) {
        this(clock, null);
    }

    private ErrorMapper(Clock clock, String secret) {
        this.clock = clock;
        this.secret = secret == null || secret.isEmpty() ? null : secret;
    }

    public static ErrorMapper system() {
        return new ErrorMapper(Clock.systemUTC());
    }

    /** A mapper that also scrubs {@code secret} from every message it builds. */
    public ErrorMapper redacting(String secret) {
        return new ErrorMapper(clock, secret);
    }

    /**
     * The kind for an HTTP error status; {@code serverText} only refines a 4xx: an unknown model is NOT_FOUND, a
     * prompt longer than the context is CONTEXT_EXCEEDED.
     */
    public static Kind kindOf(int status, String serverText) {
        if (status == 408) return Kind.TIMEOUT;
        if (status == 413) return Kind.CONTEXT_EXCEEDED;  // this request's body is too large, not the endpoint's fault
        if (status == 429) return Kind.RATE_LIMITED;
        if (status == 401 || status == 403) return Kind.UNAUTHORIZED;
        if (status == 404) return Kind.NOT_FOUND;
        if (status == 405 || status == 501) return Kind.UNSUPPORTED;
        if (status >= 500 && status <= 599) return Kind.SERVER_ERROR;
        if (status >= 400 && status <= 499) {
            // context first: Ollama's wording names "the model" and "available", which the unknown-model test would take
            if (serverText != null && CONTEXT_EXCEEDED.matcher(serverText).find()) return Kind.CONTEXT_EXCEEDED;
            if (serverText != null && UNKNOWN_MODEL.matcher(serverText).find()) return Kind.NOT_FOUND;
            return Kind.BAD_REQUEST;
        }
        return Kind.PROTOCOL;
    }

    /** An HTTP error response. {@code retryAfter} is the raw Retry-After header, or null. */
    public ModelException fromStatus(int status, String body, String retryAfter, String what) {
        String whole = humanText(body);
        String text = truncate(redact(whole));
        Kind kind = kindOf(status, body == null ? whole : whole + " " + body);  // codes such as context_length_exceeded sit beside the message
        Long after = kind.retriable ? retryAfterMillis(retryAfter) : null;
        String msg = what + ": HTTP " + status + (text.isEmpty() ? "" : ": " + text)
                + (after == null ? "" : " (retry after " + after + " ms)");
        return new ModelException(kind, status, redact(msg), after, null);
    }

    /** A failure below HTTP: refused or reset connection, timeout, interrupted read. */
    public ModelException fromIo(IOException e, String what) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof HttpConnectTimeoutException) {
            return new ModelException(Kind.TIMEOUT, 0, redact(what + ": connect timed out"), null, e);
        }
        if (e instanceof HttpTimeoutException) {
            return new ModelException(Kind.TIMEOUT, 0, redact(what + ": timed out: " + detail), null, e);
        }
        if (e instanceof LineReader.LineTooLongException) {
            return new ModelException(Kind.ANSWER_TOO_LONG, 0, redact(what + ": one event of the answer's stream is a "
                    + detail + " (too large to read; an answer of many events is cut at --max-answer-bytes instead)"), null, e);
        }
        if (e instanceof ConnectException) {
            return new ModelException(Kind.REFUSED, 0, redact(what + ": connection refused, nothing is listening there. "
                    + "Start the model server at that address (vLLM: vllm serve MODEL --port 8000; llama.cpp: llama-server -m FILE "
                    + "--port 8080; Ollama: ollama serve), or give the --endpoint of one that runs (./arbiter endpoints lists them)"),
                    null, e);
        }
        return new ModelException(Kind.CONNECTION, 0, redact(what + ": connection failed: " + detail), null, e);
    }

    /** A body that is not the JSON the protocol promises. */
    public ModelException malformed(String what, String detail, Throwable cause) {
        return new ModelException(Kind.PROTOCOL, 200, redact(what + ": malformed response: " + truncate(redact(detail))), null, cause);
    }

    /** A stream that ended before the server said it was finished (no [DONE], no finish reason, no done:true). */
    public ModelException truncated(String what) {
        return new ModelException(Kind.CONNECTION, 200,
                redact(what + ": stream ended before the server finished the answer"), null, null);
    }

    /** An error object sent inside a 200 stream; its {@code code} is used as the status when it is one. */
    public ModelException fromStreamError(JsonNode error, String what) {
        JsonNode e = error.has("error") ? error.get("error") : error;
        int code = e.path("code").asInt(e.path("status").asInt(0));
        if (code >= 400 && code <= 599) return fromStatus(code, error.toString(), null, what);
        return new ModelException(Kind.SERVER_ERROR, 200, redact(what + ": error in stream: " + truncate(redact(humanText(error.toString())))), null, null);
    }

    /** Retry-After in milliseconds: delta-seconds (decimals tolerated) or an HTTP date; null when absent or unreadable. */
    public Long retryAfterMillis(String header) {
        if (header == null || header.isBlank()) return null;
        String h = header.trim();
        try {
            double seconds = Double.parseDouble(h);
            if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) return null;
            return Math.round(seconds * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(clock.instant(), at.toInstant()).toMillis());
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /**
     * The human part of an error body: OpenAI's {@code error.message}, Ollama's and TGI's {@code error}, FastAPI's
     * {@code detail}, a bare {@code message}; else the raw body. Whitespace collapsed, truncated. Not redacted: a
     * message for people is built by the mapper, which redacts before it truncates.
     */
    public static String serverText(String body) {
        return truncate(humanText(body));
    }

    /** {@link #serverText} before it is truncated. */
    private static String humanText(String body) {
        if (body == null || body.isBlank()) return "";
        String text = body;
        try {
            JsonNode n = WireJson.MAPPER.readTree(body);
            if (n != null && n.isObject()) {
                JsonNode e = n.get("error");
                if (e != null && e.isObject() && e.hasNonNull("message")) text = e.get("message").asText();
                else if (e != null && e.isTextual()) text = e.asText();
                else if (n.has("detail")) text = n.get("detail").isTextual() ? n.get("detail").asText() : n.get("detail").toString();
                else if (n.hasNonNull("message")) text = n.get("message").asText();
            }
        } catch (IOException | RuntimeException notJson) {
            // keep the raw body
        }
        return text.replaceAll("\\s+", " ").trim();
    }

    private static String truncate(String s) {
        if (s == null) return "";
        return s.length() <= MAX_SERVER_TEXT ? s : s.substring(0, MAX_SERVER_TEXT) + "…";
    }

    /**
     * {@code s} with every occurrence of the key replaced, and a start of the key of {@value #MIN_CUT_KEY_CHARS} or
     * more characters that ends the text (before an ellipsis or closing quotes): a server that cuts its echo of the
     * Authorization header, or a body read up to a cap, leaves the key's first characters there, and those are as
     * secret as the rest. A key cut inside the text, with more text after it, is not recognised. Unchanged when this
     * mapper has no key.
     */
    public String redact(String s) {
        if (secret == null || s == null) return s;
        String r = s.replace(secret, RedactingModelClient.REDACTED);
        int end = r.length();
        while (end > 0 && (CUT_TAIL.indexOf(r.charAt(end - 1)) >= 0 || Character.isWhitespace(r.charAt(end - 1)))) end--;
        for (int n = Math.min(secret.length() - 1, end); n >= MIN_CUT_KEY_CHARS; n--) {
            if (r.startsWith(secret.substring(0, n), end - n)) return r.substring(0, end - n) + RedactingModelClient.REDACTED + r.substring(end);
        }
        return r;
    }

    @Override
    public String toString() {
        return String.format(Locale.US, "ErrorMapper[redacting=%s]", secret != null);
    }
}
