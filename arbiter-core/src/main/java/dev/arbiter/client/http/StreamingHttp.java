package dev.arbiter.client.http;

import dev.arbiter.client.Endpoint;
import dev.arbiter.client.ErrorMapper;
import dev.arbiter.util.Ticker;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Blocking HTTP/1.1 for the model clients ({@link HttpTransport}) and the serving benchmark alike: one thread per
 * request reads its own socket, so an event is stamped by the thread the kernel wakes, with no selector or executor hop. Measured on
 * 2 loaded cores at 16 streams against a 50 ms server: p50 TTFT 50.7 ms this way against 250 ms through the JDK
 * HttpClient's {@code ofPublisher} path. Keep-alive pool without a size cap (so it is never smaller than the
 * concurrency), TCP_NODELAY, http and https. Errors go through the same {@link ErrorMapper} as {@link HttpTransport};
 * the key is only ever in the Authorization header.
 */
public final class StreamingHttp implements AutoCloseable {
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final ErrorMapper errors;
    private final String apiKey;
    private final Ticker ticker;
    /** Idle keep-alive connections by origin (scheme://host:port): one client may talk to several servers. */
    private final ConcurrentHashMap<String, ConcurrentLinkedDeque<Http1Connection>> idle = new ConcurrentHashMap<>();
    private final Set<Http1Connection> busy = ConcurrentHashMap.newKeySet();
    private final boolean stampArrivals;
    private final DroppedPost droppedPost;
    private volatile boolean aborted;

    /**
     * A pooled connection idle at least this long is checked for a close by the server before it is reused, ns: a
     * server closes idle keep-alive connections after its own timeout (uvicorn, under vLLM and SGLang: 5 s), and a
     * request sent down one would fail. Apache HttpClient's validateAfterInactivity; a connection reused at once (the
     * hot path) is not checked.
     */
    static final long VALIDATE_AFTER_IDLE_NANOS = 1_000_000_000L;

    /**
     * What is done with a POST whose reused keep-alive connection failed before the response's status line came:
     * the server may have closed the connection while it sat idle (nothing processed) or dropped it with the request
     * in hand (processed, or half so), and the client cannot tell which. A GET is idempotent and is always sent once
     * more (RFC 9112 §9.3.1).
     */
    public enum DroppedPost {
        /** A failure of the request: what the serving benchmark needs, which counts failures and times requests. */
        FAIL,
        /** Sent once more on a new connection: the eval's answers count, not their timing. */
        RESEND
    }

    /** The serving benchmark's client: every read stamped with {@code ticker}, a dropped POST a failure. */
    public StreamingHttp(Duration connectTimeout, Duration requestTimeout, ErrorMapper errors, String apiKey, Ticker ticker) {
        this(connectTimeout, requestTimeout, errors, apiKey, ticker, true, DroppedPost.FAIL);
    }

    /**
     * @param stampArrivals whether every socket read is stamped with {@code ticker} (bodies are then
     *                      {@link ArrivalStamped}); off, the ticker is read only when a request is sent, and the
     *                      reader stamps what it needs itself (the model clients' {@link ResponseAssembler})
     * @param droppedPost   a POST dropped on a reused connection before its response: failed or sent again
     */
    public StreamingHttp(Duration connectTimeout, Duration requestTimeout, ErrorMapper errors, String apiKey, Ticker ticker,
                         boolean stampArrivals, DroppedPost droppedPost) {
        this.stampArrivals = stampArrivals;
        this.droppedPost = droppedPost;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.errors = apiKey == null ? errors : errors.redacting(apiKey);
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.ticker = ticker;
    }

    /** A 2xx response with its body still to be read; {@code sentNanos} is the ticker just before the request was written. */
    public record Response(int status, long sentNanos, Http1Body body, String what) {}

    public ErrorMapper errors() { return errors; }

    public Ticker ticker() { return ticker; }

    /** Whether {@link #abort()} was called: reads that fail now were cut on purpose. */
    public boolean aborted() { return aborted; }

    /**
     * POSTs {@code json}; returns once the status line and headers are in. A reused connection that fails before the
     * status line fails the request, or sends it once more on a new connection, as {@link DroppedPost} was chosen.
     *
     * @throws dev.arbiter.client.ModelException for an HTTP error status or an I/O failure, through the mapper
     */
    public Response post(URI uri, byte[] json) {
        return send("POST", uri, json, requestTimeout);
    }

    /**
     * One request ({@code body} null for none), the whole exchange bounded by {@code timeout}; returns once the status
     * line and headers are in, with a 2xx status. An interrupt of the calling thread closes the connection and ends
     * the call with a {@link CancellationException} (a blocked read included: the socket is an interruptible channel).
     *
     * @throws dev.arbiter.client.ModelException for an HTTP error status or an I/O failure, through the mapper
     */
    public Response send(String method, URI uri, byte[] body, Duration timeout) {
        return exchange(method, uri, body, timeout, null, false);
    }

    /** A GET's answer whatever its status: the status, the header names (lower case) and the body. */
    public record Fetched(int status, java.util.List<String> headerNames, byte[] body) {}

    /**
     * GETs {@code uri} and reads the answer whatever its status, the body up to {@code maxBody} bytes: for discovery,
     * which tells servers apart by their routes' answers and headers, without the JDK HttpClient (whose start-up
     * initialises TLS even for http://, 0.3 s of an eval's probe).
     *
     * @throws dev.arbiter.client.ModelException for an I/O failure, through the mapper ({@code REFUSED} when nothing listens)
     */
    public Fetched fetch(URI uri, Duration timeout, int maxBody) {
        java.util.List<String> names = new java.util.ArrayList<>();
        Response r = exchange("GET", uri, null, timeout, names, true);
        try (Http1Body in = r.body()) {
            return new Fetched(r.status(), names, in.readAtMost(maxBody));
        } catch (IOException e) {
            throw errors.fromIo(e, r.what());
        }
    }

    /**
     * @param names     collects the response's header names (lower case) when not null
     * @param anyStatus returns a response of any status instead of mapping a non-2xx one to an exception
     */
    private Response exchange(String method, URI uri, byte[] body, Duration timeout, java.util.List<String> names, boolean anyStatus) {
        String what = method + " " + Endpoint.safeUrl(uri);
        byte[] request = request(method, uri, body);
        boolean resend = !"POST".equals(method) || droppedPost == DroppedPost.RESEND;
        for (int attempt = 0; ; attempt++) {
            long now = System.nanoTime();  // one clock reading serves the idle check and the deadline
            // a resend goes down a new connection: another pooled one idle under the check's threshold may be as dead
            Http1Connection c = attempt == 0 ? pooled(origin(uri), now) : null;
            boolean reused = c != null;
            long sent;
            try {
                if (c == null) {
                    c = open(uri);
                    now = System.nanoTime();  // the request's time starts once it is connected, as it always did
                }
                busy.add(c);
                if (aborted) throw new IOException("aborted");
                c.deadline(now + timeout.toNanos());
                DeadlineWatch.watch(c);
                sent = ticker.nanos();
                c.out.write(request);
                c.out.flush();
                String status = c.readLine();
                if (status == null) throw new java.io.EOFException("connection closed before the response");
                return response(c, status, sent, what, names, anyStatus);
            } catch (IOException e) {
                if (c != null) {
                    c.close();
                    busy.remove(c);
                    DeadlineWatch.unwatch(c);
                }
                if (e instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
                    throw new CancellationException(what + ": interrupted");
                }
                if (resend && reused && attempt == 0 && !aborted) continue;
                throw errors.fromIo(e, what);
            }
        }
    }

    private Response response(Http1Connection c, String statusLine, long sent, String what, java.util.List<String> names,
                              boolean anyStatus) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (RuntimeException e) {
            throw new IOException("not an HTTP/1.1 status line: " + (statusLine.length() > 60 ? statusLine.substring(0, 60) : statusLine));
        }
        boolean chunked = false, keepAlive = !statusLine.startsWith("HTTP/1.0");
        long length = -1;
        String retryAfter = null;
        String line;
        while ((line = c.readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (names != null) names.add(name);
            switch (name) {
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "content-length" -> length = Long.parseLong(value);
                case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
                case "retry-after" -> retryAfter = value;
                default -> { }
            }
        }
        if (line == null) throw new java.io.EOFException("connection closed inside the response headers");
        Http1Body body = new Http1Body(c, this, chunked, chunked ? -1 : length, keepAlive);
        if (anyStatus || (status >= 200 && status < 300)) return new Response(status, sent, body, what);
        String text;
        try (body) {
            text = new String(body.readNBytes(HttpTransport.MAX_ERROR_BODY), StandardCharsets.UTF_8);
        }
        throw errors.fromStatus(status, text, retryAfter, what);
    }

    /**
     * Head and body in one array, so the request is one write (one syscall, one segment with TCP_NODELAY) instead of
     * two: the server wakes once per request, not once for the head and again for the body.
     */
    private byte[] request(String method, URI uri, byte[] body) {
        byte[] head = head(method, uri, body);
        if (body == null || body.length == 0) return head;
        byte[] all = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private byte[] head(String method, URI uri, byte[] body) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) path += "?" + uri.getRawQuery();
        StringBuilder h = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(uri.getHost()).append(uri.getPort() < 0 ? "" : ":" + uri.getPort())
                .append("\r\nAccept: application/json, text/event-stream, application/x-ndjson\r\n");
        if (body != null) {
            h.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        if (apiKey != null) h.append("Authorization: Bearer ").append(apiKey).append("\r\n");
        return h.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private Http1Connection open(URI uri) throws IOException {
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80;
        // A channel's socket: blocking like a plain Socket, but a thread interrupt closes it and wakes a blocked read.
        Socket s = SocketChannel.open().socket();
        Socket raw = s;
        try {
            s.setTcpNoDelay(true);
            s.setReceiveBufferSize(1 << 20);
            try {
                s.connect(new InetSocketAddress(uri.getHost(), port), (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
            } catch (SocketTimeoutException e) {
                throw new HttpConnectTimeoutException("connect timed out");
            }
            if (tls) {
                SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(s, uri.getHost(), port, true);
                // the certificate must name the host, as the JDK HttpClient checks (a bare SSLSocket does not)
                SSLParameters p = ssl.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(p);
                s = ssl;
            }
            return new Http1Connection(s, raw, stampArrivals ? ticker : null, origin(uri));
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /**
     * The most recently released connection to {@code origin}, or null for none: one idle for
     * {@link #VALIDATE_AFTER_IDLE_NANOS} or more at {@code now} ({@link System#nanoTime()}) is first checked without
     * waiting, and closed and passed over when the server has closed it.
     */
    private Http1Connection pooled(String origin, long now) {
        ConcurrentLinkedDeque<Http1Connection> q = idleFor(origin);
        Http1Connection c;
        while ((c = q.pollFirst()) != null) {
            if (now - c.idleSince() < VALIDATE_AFTER_IDLE_NANOS || !c.closedByPeer()) return c;
            c.close();
        }
        return null;
    }

    private ConcurrentLinkedDeque<Http1Connection> idleFor(String origin) {
        return idle.computeIfAbsent(origin, k -> new ConcurrentLinkedDeque<>());
    }

    static String origin(URI uri) {
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80;
        return (tls ? "https://" : "http://") + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** Back to the pool after a body was read to its end. */
    void release(Http1Connection c) {
        if (!aborted && c.isOpen()) {
            c.idleSince(System.nanoTime());
            idleFor(c.origin()).addFirst(c);
        } else {
            c.close();
        }
    }

    void done(Http1Connection c) {
        busy.remove(c);
        DeadlineWatch.unwatch(c);
    }

    /** Cuts every connection, busy ones included: blocked reads fail at once (Ctrl-C). */
    public void abort() {
        aborted = true;
        for (Http1Connection c : busy) c.close();
        close();
    }

    @Override
    public void close() {
        Http1Connection c;
        for (ConcurrentLinkedDeque<Http1Connection> q : idle.values()) {
            while ((c = q.pollFirst()) != null) c.close();
        }
    }
}
