package dev.arbiter.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.Endpoint;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP/1.1 server on 127.0.0.1 (port 0) that imitates an LLM server for tests: OpenAI dialect under /v1,
 * Ollama's under /api (persona OLLAMA), plus the identity routes of the chosen {@link Persona}. A {@link Script}
 * decides each generation answer, so the test knows the ground truth; a {@link Reply} can be an HTTP error, slow,
 * cut off, malformed, with logprobs or a think block. Every request is recorded for the test to verify.
 *
 * <pre>{@code
 * try (var server = ScriptedLlmServer.builder().persona(Persona.VLLM)
 *         .script(Script.replyWith(q -> "echo " + q)).start()) {
 *     ModelClient c = ModelClients.create(server.endpoint(), Ticker.system());
 *     ...
 *     assertThat(server.generationRequests()).hasSize(1);
 * }
 * }</pre>
 */
public final class ScriptedLlmServer implements AutoCloseable {
    private static final ObjectMapper M = new ObjectMapper();

    private final Builder config;
    private final ServerSocket socket;
    private final ExecutorService pool;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Map<String, Integer> attempts = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    private ScriptedLlmServer(Builder config) throws IOException {
        this.config = config;
        this.socket = new ServerSocket();
        this.socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port), 128);
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "scripted-llm-server");
            t.setDaemon(true);
            return t;
        });
        pool.execute(this::acceptLoop);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A VLLM-like server answering every generation with {@code script}. */
    public static ScriptedLlmServer start(Script script) {
        return builder().script(script).start();
    }

    public int port() { return socket.getLocalPort(); }

    public URI baseUri() { return URI.create("http://127.0.0.1:" + port()); }

    public Persona persona() { return config.persona; }

    /** An endpoint for this server in its persona's protocol, for its first model. */
    public Endpoint endpoint() {
        return Endpoint.of(baseUri(), config.persona.api, config.models.isEmpty() ? "scripted" : config.models.get(0));
    }

    public Endpoint endpoint(ApiFlavor api) {
        return Endpoint.of(baseUri(), api, config.models.isEmpty() ? "scripted" : config.models.get(0));
    }

    /** Every request so far, in arrival order. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Only the chat/completion/generate requests. */
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
                RecordedRequest r = record(raw);
                route(c, r);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the client went away, the test closed the server, or a script failed: drop the connection
        } finally {
            open.remove(s);
        }
    }

    private synchronized RecordedRequest record(HttpConnection.Raw raw) {
        String key = raw.method() + " " + raw.path() + " " + raw.body();
        int attempt = attempts.merge(key, 1, Integer::sum);
        RecordedRequest r = new RecordedRequest(raw.method(), raw.path(), raw.headers(), raw.body(), sequence.incrementAndGet(), attempt);
        requests.add(r);
        return r;
    }

    private void route(HttpConnection c, RecordedRequest r) throws IOException, InterruptedException {
        if (config.apiKey != null && !("Bearer " + config.apiKey).equals(r.header("authorization"))) {
            c.respond(401, "application/json", Map.of(),
                    "{\"error\":{\"message\":\"Invalid API key\",\"type\":\"invalid_request_error\",\"code\":401}}");
            return;
        }
        Persona p = config.persona;
        String path = r.path();
        switch (path) {
            case "/v1/models" -> json(c, models());
            case "/v1/chat/completions" -> generate(c, r, config.chat, true, false);
            case "/v1/completions" -> generate(c, r, config.completions, false, false);
            case "/api/chat" -> generate(c, r, p == Persona.OLLAMA && config.chat, true, true);
            case "/api/generate" -> generate(c, r, p == Persona.OLLAMA && config.completions, false, true);
            case "/api/tags" -> {
                if (p != Persona.OLLAMA) notFound(c);
                else {
                    ObjectNode o = M.createObjectNode();
                    ArrayNode a = o.putArray("models");
                    for (String m : config.models) a.addObject().put("name", m).put("model", m).put("size", 4_700_000_000L);
                    json(c, o);
                }
            }
            case "/api/version" -> { if (p == Persona.OLLAMA) json(c, M.createObjectNode().put("version", "0.12.6")); else notFound(c); }
            case "/api/show" -> {
                if (p != Persona.OLLAMA) notFound(c);
                else if (!knownModel(r.model())) unknownModel(c, r, true);
                else {
                    ObjectNode o = M.createObjectNode();
                    ObjectNode info = o.putObject("model_info").put("general.architecture", "qwen2");
                    if (config.contextLength != null) info.put("qwen2.context_length", config.contextLength);
                    json(c, o);
                }
            }
            case "/props" -> {
                if (p != Persona.LLAMA_CPP) notFound(c);
                else {
                    ObjectNode o = M.createObjectNode().put("build_info", "b5000-scripted").put("total_slots", 1);
                    ObjectNode d = o.putObject("default_generation_settings");
                    if (config.contextLength != null) d.put("n_ctx", config.contextLength);
                    json(c, o);
                }
            }
            case "/version" -> { if (p == Persona.VLLM) json(c, M.createObjectNode().put("version", "0.8.5")); else notFound(c); }
            case "/info" -> {
                if (p != Persona.TGI) notFound(c);
                else {
                    ObjectNode o = M.createObjectNode().put("model_id", config.models.isEmpty() ? "scripted" : config.models.get(0))
                            .put("version", "3.0.1");
                    if (config.contextLength != null) o.put("max_total_tokens", config.contextLength);
                    json(c, o);
                }
            }
            default -> notFound(c);
        }
    }

    private ObjectNode models() {
        ObjectNode o = M.createObjectNode().put("object", "list");
        ArrayNode data = o.putArray("data");
        for (String m : config.models) {
            ObjectNode e = data.addObject().put("id", m).put("object", "model").put("owned_by", "scripted");
            if (config.persona == Persona.VLLM && config.loraAdapters.contains(m)) {
                // vLLM's ModelCard of an adapter: its base model as parent, no window of its own (serving_models.py)
                e.put("root", "/adapters/" + m).put("parent", config.models.get(0)).putNull("max_model_len");
            } else if (config.persona == Persona.VLLM && config.contextLength != null) {
                e.put("max_model_len", config.contextLength);
            }
        }
        return o;
    }

    private void generate(HttpConnection c, RecordedRequest r, boolean offered, boolean chat, boolean ollama)
            throws IOException, InterruptedException {
        if (!offered) {
            notFound(c);
            return;
        }
        if (!knownModel(r.model())) {
            unknownModel(c, r, ollama);
            return;
        }
        Reply reply = config.script.answer(r);
        if (reply.status() != 200) {
            c.respond(reply.status(), "application/json", reply.headers(), reply.errorBody() == null ? "" : reply.errorBody());
            return;
        }
        Plan plan = Plan.of(r, reply, config.logprobs);
        if (ollama) OllamaDialect.answer(c, plan, chat);
        else OpenAiDialect.answer(c, plan, chat);
    }

    private boolean knownModel(String model) {
        return config.models.isEmpty() || config.models.contains(model);
    }

    private static void unknownModel(HttpConnection c, RecordedRequest r, boolean ollama) throws IOException {
        String body = ollama
                ? "{\"error\":\"model \\\"" + r.model() + "\\\" not found, try pulling it first\"}"
                : "{\"object\":\"error\",\"message\":\"The model `" + r.model() + "` does not exist.\",\"type\":\"NotFoundError\",\"code\":404}";
        c.respond(404, "application/json", Map.of(), body);
    }

    private static void notFound(HttpConnection c) throws IOException {
        c.respond(404, "application/json", Map.of(), "{\"detail\":\"Not Found\"}");
    }

    private static void json(HttpConnection c, ObjectNode body) throws IOException {
        c.respond(200, "application/json", Map.of(), M.writeValueAsString(body));
    }

    /** Server settings; {@link #start()} binds the socket. */
    public static final class Builder {
        private Persona persona = Persona.VLLM;
        private List<String> models = List.of("scripted");
        private List<String> loraAdapters = List.of();
        private Integer contextLength = 32768;
        private boolean chat = true;
        private boolean completions = true;
        private boolean logprobs = true;
        private String apiKey;
        private int port;
        private Script script = Script.replyWith(q -> "You said: " + q);

        public Builder persona(Persona p) { persona = p; return this; }
        /** Model names served; an empty list accepts any model name. Default: "scripted". */
        public Builder models(String... names) { models = List.of(names); return this; }
        /**
         * vLLM: the base model (the first of {@link #models}) and these LoRA adapters, listed after it as vLLM lists
         * them (parent, no max_model_len); each answers as a model.
         */
        public Builder loraAdapters(String... names) {
            loraAdapters = List.of(names);
            List<String> all = new java.util.ArrayList<>(models);
            all.addAll(loraAdapters);
            models = List.copyOf(all);
            return this;
        }
        /** Context size reported by the persona's route; null reports none. */
        public Builder contextLength(Integer n) { contextLength = n; return this; }
        /** Whether chat routes answer (else 404). */
        public Builder chat(boolean on) { chat = on; return this; }
        /** Whether completion routes answer (else 404). */
        public Builder completions(boolean on) { completions = on; return this; }
        /** Whether logprobs are returned when asked (else silently left out, like servers that ignore the flag). */
        public Builder logprobs(boolean on) { logprobs = on; return this; }
        /** Require {@code Authorization: Bearer key}, else 401. */
        public Builder requireApiKey(String key) { apiKey = key; return this; }
        /** A fixed port (discovery tests); default 0 = any free port. */
        public Builder port(int p) { port = p; return this; }
        public Builder script(Script s) { script = s; return this; }

        public ScriptedLlmServer start() {
            try {
                return new ScriptedLlmServer(this);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start scripted server: " + e.getMessage(), e);
            }
        }
    }
}
