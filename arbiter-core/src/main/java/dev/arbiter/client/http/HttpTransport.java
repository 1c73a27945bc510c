package dev.arbiter.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.ErrorMapper;
import dev.arbiter.client.ModelException;
import dev.arbiter.util.Ticker;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * JSON over HTTP/1.1 for the model clients, on the blocking keep-alive connections of {@link StreamingHttp} (the
 * serving benchmark's client: one HTTP client for both): sends with the bearer key (when there is one), bounds the
 * whole exchange by the request timeout, and turns every failure into a {@link ModelException} through the
 * {@link ErrorMapper}. The key lives only in the connection pool's private field and the Authorization header.
 * The JDK HttpClient was replaced here because the profile of a 16k-sample eval put ~20% of the CPU in its selector
 * and executor threads and its CompletableFuture hops (docs/performance.md).
 */
public final class HttpTransport implements AutoCloseable {
    /** Error bodies are read up to this many bytes; only a truncated excerpt is shown anyway. */
    static final int MAX_ERROR_BODY = 64 << 10;
    /** Default cap of one answer (content plus reasoning), UTF-8 bytes: 8 MiB. */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 8L << 20;

    private final StreamingHttp http;
    private final Duration requestTimeout;
    private final ErrorMapper errors;
    private final Ticker ticker;
    private final long maxAnswerBytes;

    /**
     * @param http           the connections (its error mapper already redacts the key it sends)
     * @param maxAnswerBytes cap of one answer, UTF-8 bytes; a whole JSON body may be 4 times that plus 1 MiB
     */
    public HttpTransport(StreamingHttp http, Duration requestTimeout, long maxAnswerBytes) {
        if (maxAnswerBytes < 1024) throw new IllegalArgumentException("max answer bytes must be >= 1024");
        this.maxAnswerBytes = maxAnswerBytes;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.errors = http.errors();
        this.ticker = http.ticker();
    }

    /** A response whose status is 2xx, with the body still to be read. Close the body when done. */
    public record Exchange(int status, long sentNanos, Http1Body body, String what) {}

    public ErrorMapper errors() { return errors; }

    public Ticker ticker() { return ticker; }

    /** An assembler for this exchange's answer, bounded by this transport's answer cap. */
    public ResponseAssembler assembler(Exchange x, boolean streaming) {
        return new ResponseAssembler(ticker, x.sentNanos(), streaming, maxAnswerBytes);
    }

    /**
     * Longest whole (non-streamed) JSON body read: room for an answer at the cap with JSON escaping and the
     * envelope (logprobs, usage); a longer body is refused before it is parsed.
     */
    long maxBodyBytes() {
        return Math.min(Integer.MAX_VALUE - 8, 4 * maxAnswerBytes + (1 << 20));
    }

    public Exchange post(URI uri, Object jsonBody) {
        return exchange(http.send("POST", uri, bytes(jsonBody), requestTimeout));
    }

    /** {@code jsonBody} as JSON: a {@link WireBody} writes itself, anything else goes through {@link WireJson}. */
    public static byte[] bytes(Object jsonBody) {
        try {
            if (!(jsonBody instanceof WireBody w)) return WireJson.MAPPER.writeValueAsBytes(jsonBody);
            // the buffer and recycler writeValueAsBytes itself uses, so the two paths allocate alike
            com.fasterxml.jackson.core.JsonFactory f = WireJson.MAPPER.getFactory();
            com.fasterxml.jackson.core.util.BufferRecycler recycler = f._getBufferRecycler();
            try (com.fasterxml.jackson.core.util.ByteArrayBuilder out = new com.fasterxml.jackson.core.util.ByteArrayBuilder(recycler)) {
                try (com.fasterxml.jackson.core.JsonGenerator g = f.createGenerator(out)) {
                    w.write(g);
                }
                return out.toByteArray();
            } finally {
                recycler.releaseToPool();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise request " + jsonBody.getClass().getSimpleName(), e);
        }
    }

    public Exchange get(URI uri, Duration timeout) {
        return exchange(http.send("GET", uri, null, timeout));
    }

    private static Exchange exchange(StreamingHttp.Response r) {
        return new Exchange(r.status(), r.sentNanos(), r.body(), r.what());
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
        try (Http1Body in = x.body()) {
            byte[] bytes = in.readAtMost((int) maxBodyBytes() + 1);
            if (bytes.length > maxBodyBytes()) {
                throw errors.malformed(x.what(), "response body larger than " + maxBodyBytes() + " bytes", null);
            }
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

    /** Closes the idle keep-alive connections. */
    @Override
    public void close() {
        http.close();
    }
}
