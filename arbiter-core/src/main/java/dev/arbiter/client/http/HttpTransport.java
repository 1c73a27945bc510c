package dev.arbiter.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.ErrorMapper;
import dev.arbiter.client.ModelException;
import dev.arbiter.util.Ticker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * JSON over HTTP/1.1 for the model clients: sends with the bearer key (when there is one), bounds the whole exchange
 * by the request timeout, and turns every failure into a {@link ModelException} through the {@link ErrorMapper}.
 * The key lives only in this object's private field and the Authorization header; nothing here prints it.
 */
public final class HttpTransport {
    /** Error bodies are read up to this many bytes; only a truncated excerpt is shown anyway. */
    static final int MAX_ERROR_BODY = 64 << 10;

    private final HttpClient client;
    private final Duration requestTimeout;
    private final ErrorMapper errors;
    private final String apiKey;
    private final Ticker ticker;

    public HttpTransport(HttpClient client, Duration requestTimeout, ErrorMapper errors, String apiKey, Ticker ticker) {
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.errors = apiKey == null ? errors : errors.redacting(apiKey);
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.ticker = ticker;
    }

    /** A response whose status is below 400, with the body still to be read. Close the body when done. */
    public record Exchange(int status, long sentNanos, BodyStream body, String what) {}

    public ErrorMapper errors() { return errors; }

    public Ticker ticker() { return ticker; }

    public Exchange post(URI uri, Object jsonBody) {
        String json;
        try {
            json = WireJson.MAPPER.writeValueAsString(jsonBody);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise request " + jsonBody.getClass().getSimpleName(), e);
        }
        HttpRequest.Builder b = builder(uri, requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return send(b.build(), "POST " + Endpoint.safeUrl(uri), requestTimeout);
    }

    public Exchange get(URI uri, Duration timeout) {
        return send(builder(uri, timeout).GET().build(), "GET " + Endpoint.safeUrl(uri), timeout);
    }

    /** GET and parse the whole body as JSON. */
    public JsonNode getJson(URI uri, Duration timeout) {
        return readTree(get(uri, timeout));
    }

    /** POST and parse the whole body as JSON. */
    public JsonNode postForJson(URI uri, Object body) {
        return readTree(post(uri, body));
    }

    /** Reads the rest of the exchange's body and parses it as one JSON value. */
    public JsonNode readTree(Exchange x) {
        try (BodyStream in = x.body()) {
            byte[] bytes = in.readAllBytes();
            JsonNode n = WireJson.MAPPER.readTree(bytes);
            if (n == null || n.isMissingNode()) throw errors.malformed(x.what(), "empty body", null);
            return n;
        } catch (JsonProcessingException e) {
            throw errors.malformed(x.what(), e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw errors.fromIo(e, x.what());
        }
    }

    /** Reads the rest of the body and binds it to a wire DTO. */
    public <T> T read(Exchange x, Class<T> type) {
        JsonNode n = readTree(x);
        try {
            return WireJson.MAPPER.treeToValue(n, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw errors.malformed(x.what(), e.getMessage(), e);
        }
    }

    private HttpRequest.Builder builder(URI uri, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json, text/event-stream, application/x-ndjson");
        if (apiKey != null) b.header("Authorization", "Bearer " + apiKey);
        return b;
    }

    private Exchange send(HttpRequest request, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        BodyStream body = new BodyStream(deadline);
        long sent = ticker.nanos();
        HttpResponse<java.util.concurrent.Flow.Publisher<java.util.List<java.nio.ByteBuffer>>> response;
        try {
            // ofPublisher returns as soon as the headers are in; the body then streams into BodyStream
            response = client.send(request, HttpResponse.BodyHandlers.ofPublisher());
        } catch (IOException e) {
            throw errors.fromIo(e, what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException(what + ": interrupted");
        }
        response.body().subscribe(body);
        int status = response.statusCode();
        if (status >= 400 || status < 200) {
            String text;
            try (body) {
                text = new String(body.readAtMost(MAX_ERROR_BODY), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "";
            }
            throw errors.fromStatus(status, text, response.headers().firstValue("Retry-After").orElse(null), what);
        }
        return new Exchange(status, sent, body, what);
    }
}
