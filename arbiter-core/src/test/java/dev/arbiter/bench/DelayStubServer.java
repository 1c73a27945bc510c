package dev.arbiter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An OpenAI-compatible streaming server on 127.0.0.1 with known delays, for the benchmark's accuracy tests and the
 * {@code scripts/bench-serve} ceiling measurement. Keep-alive HTTP/1.1, chunked SSE, TCP_NODELAY, one thread per
 * connection. Each answer: a role-only chunk at once (which must not count as the first token), the first content
 * token {@code ttftMs} after the request was read, then one every {@code itlMs} after it (absolute targets, no drift),
 * {@code max_tokens} tokens in all, a finish chunk, a usage chunk and [DONE]. It records its own timings per request
 * with {@link System#nanoTime()} — the same CLOCK_MONOTONIC the client's ticker reads — so the client's figures can
 * be compared with the server's. A {@link Mode} makes it misbehave on purpose.
 */
public final class DelayStubServer implements AutoCloseable {
    /**
     * How it misbehaves. {@code DROP_EVERY_THIRD}: every third generation request is read, held {@link #DROP_HOLD_MS}
     * and its keep-alive connection closed without a byte of answer (a server that died or was restarted mid-request).
     * {@code PREFIX_CACHE}: a request whose messages it has answered before gets its first token after a tenth of
     * {@code ttftMs} (a prefix cache hit), and is counted in {@link #repeats()}.
     */
    public enum Mode { NORMAL, CLOSE_MIDWAY, MALFORMED, EMPTY, NO_USAGE, HTTP_500, DROP_EVERY_THIRD, PREFIX_CACHE }

    /** How long a dropped request is held before its connection is closed, ms. */
    public static final long DROP_HOLD_MS = 300;

    /**
     * Server-side times of one answer (nanoTime): the request's first byte read (the connection's thread woke up),
     * request fully read, first content token written, last byte written;
     * {@code key} is the first message's text up to its first space (a synthetic prompt's {@code #c.k:}), so a
     * profile can pair each answer with the client's record of it.
     */
    public record ServerTiming(long firstByte, long received, long firstContent, long last, int tokens, String key) {
        public double ttftMs() { return (firstContent - received) / 1e6; }
        public double e2eMs() { return (last - received) / 1e6; }
    }

    private static final ObjectMapper M = new ObjectMapper();

    private final ServerSocket socket;
    private final double ttftMs;
    private final double itlMs;
    private final int tokensPerChunk;
    private final Mode mode;
    private final String metrics;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    public final ConcurrentLinkedQueue<ServerTiming> timings = new ConcurrentLinkedQueue<>();
    /** Each generation request's body, as received. */
    public final ConcurrentLinkedQueue<JsonNode> requests = new ConcurrentLinkedQueue<>();
    /** Generation requests received, dropped ones included. */
    private final AtomicInteger posts = new AtomicInteger();
    /** Messages answered so far ({@code PREFIX_CACHE}), and how many requests repeated one. */
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger repeats = new AtomicInteger();

    public DelayStubServer(double ttftMs, double itlMs, int tokensPerChunk, Mode mode, String metrics) throws IOException {
        this.ttftMs = ttftMs;
        this.itlMs = itlMs;
        this.tokensPerChunk = tokensPerChunk;
        this.mode = mode;
        this.metrics = metrics;
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        Thread t = new Thread(this::accept, "stub-accept");
        t.setDaemon(true);
        t.start();
    }

    public static DelayStubServer start(double ttftMs, double itlMs) throws IOException {
        return new DelayStubServer(ttftMs, itlMs, 1, Mode.NORMAL, null);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    public List<ServerTiming> timings() {
        return new ArrayList<>(timings);
    }

    /** Requests whose messages had been answered before ({@code PREFIX_CACHE}: the ones its cache answered). */
    public int repeats() {
        return repeats.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                open.add(s);
                Thread t = new Thread(() -> serve(s), "stub-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream(), 16 << 10);
             OutputStream out = new BufferedOutputStream(s.getOutputStream(), 16 << 10)) {
            while (true) {
                int first = in.read();  // blocks until the next request starts arriving
                if (first < 0) return;
                long firstByte = System.nanoTime();
                String head = readHead(in, first);
                if (head == null) return;
                int len = contentLength(head);
                byte[] body = in.readNBytes(len);
                long received = System.nanoTime();
                if (head.startsWith("GET /metrics")) {
                    if (metrics == null) respond(out, 404, "text/plain", "no metrics");
                    else respond(out, 200, "text/plain; version=0.0.4", metrics);
                    continue;
                }
                if (!head.startsWith("POST ")) {
                    respond(out, 404, "text/plain", "not found");
                    continue;
                }
                if (head.startsWith("POST /tokenize")) {
                    // vLLM's answer: whitespace-separated words of every message plus 3 for a chat template
                    int words = 3;
                    for (JsonNode m : M.readTree(body).path("messages")) words += m.path("content").asText().split("\\s+").length;
                    respond(out, 200, "application/json", "{\"count\":" + words + ",\"max_model_len\":4096}");
                    continue;
                }
                if (mode == Mode.HTTP_500) {
                    respond(out, 500, "application/json", "{\"error\":{\"message\":\"engine overloaded\"}}");
                    continue;
                }
                JsonNode req = M.readTree(body);
                requests.add(req);
                if (mode == Mode.DROP_EVERY_THIRD && posts.incrementAndGet() % 3 == 0) {
                    long until = System.nanoTime() + DROP_HOLD_MS * 1_000_000;
                    long wait;
                    while ((wait = until - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
                    return;  // closes the connection without answering
                }
                boolean ollama = head.startsWith("POST /api/chat");
                int maxTokens = ollama ? req.path("options").path("num_predict").asInt(16) : req.path("max_tokens").asInt(16);
                String text = req.path("messages").path(0).path("content").asText("");
                String key = text.indexOf(' ') > 0 ? text.substring(0, text.indexOf(' ')) : text;
                double ttft = ttftMs;
                if (mode == Mode.PREFIX_CACHE && !seen.add(req.path("messages").toString())) {
                    repeats.incrementAndGet();
                    ttft = ttftMs / 10;
                }
                if (!stream(out, firstByte, received, maxTokens, ollama, key, ttft)) return;
            }
        } catch (IOException e) {
            // client went away
        } finally {
            open.remove(s);
        }
    }

    /** Writes one streamed answer; false when the connection is to be dropped. */
    private boolean stream(OutputStream out, long firstByte, long received, int maxTokens, boolean ollama, String key,
                           double ttftMs) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + (ollama ? "application/x-ndjson" : "text/event-stream")
                + "\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        if (ollama) return ndjson(out, firstByte, received, maxTokens, key, ttftMs);
        event(out, "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}");
        long first = -1;
        int chunks = (maxTokens + tokensPerChunk - 1) / tokensPerChunk;
        for (int i = 0; i < chunks; i++) {
            // first token at received + ttft; later ones paced from when the first was actually written, so a late
            // first token (a busy machine) does not bunch the rest together
            long target = first < 0 ? received + Math.round(ttftMs * 1e6) : first + Math.round(i * itlMs * tokensPerChunk * 1e6);
            long wait;
            while ((wait = target - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
            if (mode == Mode.CLOSE_MIDWAY && i == chunks / 2) {
                out.flush();
                return false;  // drop the connection without the chunked terminator
            }
            if (mode == Mode.MALFORMED && i == 1) {
                event(out, "{\"choices\":[{\"delta\":{\"content\":\"tok");
                continue;
            }
            String piece = mode == Mode.EMPTY ? "" : "tok ".repeat(Math.min(tokensPerChunk, maxTokens - i * tokensPerChunk));
            event(out, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece + "\"}}]}");
            if (first < 0) first = System.nanoTime();
        }
        event(out, "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}");
        if (mode != Mode.NO_USAGE) {
            event(out, String.format(Locale.ROOT, "{\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":%d}}",
                    mode == Mode.EMPTY ? 0 : maxTokens));
        }
        event(out, "[DONE]");
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        timings.add(new ServerTiming(firstByte, received, first, System.nanoTime(), maxTokens, key));
        return true;
    }

    /** Ollama's /api/chat stream: one JSON line per token, then done with eval_count. */
    private boolean ndjson(OutputStream out, long firstByte, long received, int maxTokens, String key, double ttftMs) throws IOException {
        long first = -1;
        for (int i = 0; i < maxTokens; i++) {
            long target = first < 0 ? received + Math.round(ttftMs * 1e6) : first + Math.round(i * itlMs * 1e6);
            long wait;
            while ((wait = target - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
            line(out, "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"tok \"},\"done\":false}\n");
            if (first < 0) first = System.nanoTime();
        }
        line(out, "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,"
                + "\"done_reason\":\"length\",\"prompt_eval_count\":7,\"eval_count\":" + maxTokens + "}\n");
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        timings.add(new ServerTiming(firstByte, received, first, System.nanoTime(), maxTokens, key));
        return true;
    }

    private static void event(OutputStream out, String data) throws IOException {
        line(out, "data: " + data + "\n\n");
    }

    /** One chunk of the chunked body, flushed. */
    private static void line(OutputStream out, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void respond(OutputStream out, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + b.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    /** The request head, whose first byte {@code c} was already read. */
    private static String readHead(InputStream in, int c) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(512);
        int state = 0;
        for (; c != -1; c = in.read()) {
            b.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) ? state + 1 : (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) return b.toString(StandardCharsets.US_ASCII);
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                return Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) s.close();
    }
}
