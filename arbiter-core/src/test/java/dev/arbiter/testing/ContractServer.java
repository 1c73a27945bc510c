package dev.arbiter.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Replays one model server's recorded answers over real HTTP on 127.0.0.1 (port 0): the contract suite's server.
 * {@code contracts/<kind>/routes.tsv} maps requests to fixture files (sources in {@code contracts/FIXTURES.md}):
 *
 * <pre>
 * # method  path                   when     status  file                 [Header: value]...
 * GET       /props                 -        200     props.json
 * POST      /v1/chat/completions   stream   200     chat-stream.sse
 * POST      /v1/chat/completions   -        200     chat.json
 * </pre>
 *
 * {@code when} is {@code stream} (the request asked to stream) or {@code -} (any); the first matching line wins.
 * A route not listed answers 404 with an empty JSON object, as an unknown route does on most servers. Content type
 * follows the file's extension: .json, .sse (text/event-stream), .ndjson, .txt. Tests put a recorded error in front
 * of a route with {@link Builder#answer}; every request is recorded.
 */
public final class ContractServer implements AutoCloseable {
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
    private record Route(String method, String path, Predicate<RecordedRequest> when, int status, String file,
                         Map<String, String> headers) {
        boolean matches(RecordedRequest r) {
            return method.equals(r.method()) && path.equals(r.path()) && when.test(r);
        }
    }

    private final String kind;
    private final List<Route> routes;
    private final ServerSocket socket;
    private final ExecutorService pool;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<RecordedRequest> requests = new ArrayList<>();

    private ContractServer(String kind, List<Route> routes) throws IOException {
        this.kind = kind;
        this.routes = List.copyOf(routes);
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "contract-server-" + kind);
            t.setDaemon(true);
            return t;
        });
        pool.execute(this::acceptLoop);
    }

    /** The recorded answers of {@code kind} (a folder under contracts/), ready to be overridden. */
    public static Builder of(String kind) {
        return new Builder(kind);
    }

    /** Starts {@code kind}'s server with its recorded routes as they are. */
    public static ContractServer start(String kind) {
        return of(kind).start();
    }

    /** The text of a fixture file, for assertions. */
    public static String fixture(String kind, String file) {
        String res = "/contracts/" + kind + "/" + file;
        try (InputStream in = ContractServer.class.getResourceAsStream(res)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + res);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUri() { return URI.create("http://127.0.0.1:" + socket.getLocalPort()); }

    public int port() { return socket.getLocalPort(); }

    public synchronized List<RecordedRequest> requests() { return List.copyOf(requests); }

    public List<RecordedRequest> generationRequests() {
        return requests().stream().filter(RecordedRequest::isGeneration).toList();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        pool.shutdownNow();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                pool.execute(() -> serve(s));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                if (socket.isClosed()) return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            HttpConnection c = new HttpConnection(s);
            HttpConnection.Raw raw;
            while (!s.isClosed() && (raw = c.read()) != null) {
                RecordedRequest r;
                synchronized (this) {
                    r = new RecordedRequest(raw.method(), raw.path(), raw.headers(), raw.body(), requests.size() + 1, 1);
                    requests.add(r);
                }
                Route route = routes.stream().filter(x -> x.matches(r)).findFirst().orElse(null);
                if (route == null || route.file() == null) {
                    c.respond(404, "application/json", Map.of(), "{}");
                    continue;
                }
                String body = fixture(kind, route.file());
                String type = contentType(route.file());
                if (route.file().endsWith(".sse") || route.file().endsWith(".ndjson")) {
                    c.startChunked(type);
                    for (String line : body.split("(?<=\n)")) c.chunk(line); // one chunk a line, as servers flush
                    c.endChunked();
                } else {
                    c.respond(route.status(), type, route.headers(), route.file().endsWith(".json") ? compact(body) : body);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or the test closed the server
        } finally {
            open.remove(s);
        }
    }

    /** Servers send JSON on one line; the files are indented for people. */
    private static String compact(String json) {
        try {
            return MAPPER.writeValueAsString(MAPPER.readTree(json));
        } catch (IOException e) {
            return json;
        }
    }

    private static String contentType(String file) {
        if (file.endsWith(".sse")) return "text/event-stream";
        if (file.endsWith(".ndjson")) return "application/x-ndjson";
        if (file.endsWith(".txt")) return "text/plain; charset=utf-8";
        return "application/json";
    }

    /** Routes read from routes.tsv; overrides go in front. */
    public static final class Builder {
        private final String kind;
        private final List<Route> overrides = new ArrayList<>();

        private Builder(String kind) { this.kind = kind; }

        /** Answers {@code "METHOD /path"} with a recorded file, ahead of the recorded routes. */
        public Builder answer(String route, int status, String file) {
            return answerWhen(route, r -> true, status, file);
        }

        /** As {@link #answer}, only for requests that {@code when} accepts. */
        public Builder answerWhen(String route, Predicate<RecordedRequest> when, int status, String file) {
            String[] mp = route.split(" ", 2);
            fixture(kind, file); // fail now, not on the first request, when the file is missing
            overrides.add(new Route(mp[0], mp[1], when, status, file, Map.of()));
            return this;
        }

        /** Answers {@code "METHOD /path"} with 404, as a server that does not have the route. */
        public Builder without(String route) {
            String[] mp = route.split(" ", 2);
            overrides.add(new Route(mp[0], mp[1], r -> true, 404, null, Map.of()));
            return this;
        }

        public ContractServer start() {
            List<Route> all = new ArrayList<>(overrides);
            all.addAll(parse(kind, fixture(kind, "routes.tsv")));
            try {
                return new ContractServer(kind, all);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static List<Route> parse(String kind, String tsv) {
        List<Route> out = new ArrayList<>();
        int n = 0;
        for (String line : tsv.split("\n")) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            String[] f = t.split("\\s+", 5);
            if (f.length < 5) throw new IllegalArgumentException(kind + "/routes.tsv line " + n + ": want method path when status file");
            Predicate<RecordedRequest> when = switch (f[2]) {
                case "stream" -> RecordedRequest::stream;
                case "-" -> r -> true;
                default -> throw new IllegalArgumentException(kind + "/routes.tsv line " + n + ": when is 'stream' or '-', got " + f[2]);
            };
            String[] fileAndHeaders = f[4].split("\\s+", 2);
            Map<String, String> headers = new LinkedHashMap<>();
            if (fileAndHeaders.length > 1) {
                for (String h : fileAndHeaders[1].split("\\s*;\\s*")) {
                    int colon = h.indexOf(':');
                    if (colon > 0) headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
                }
            }
            out.add(new Route(f[0], f[1], when, Integer.parseInt(f[3]), fileAndHeaders[0], headers));
        }
        return out;
    }
}
