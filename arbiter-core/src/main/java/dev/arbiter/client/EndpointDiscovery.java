package dev.arbiter.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.http.StreamingHttp;
import dev.arbiter.client.http.WireJson;
import dev.arbiter.util.Ticker;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Looks for model servers on 127.0.0.1 at their usual ports and identifies each by evidence that only it gives, not
 * by the first route that answers (llama.cpp's server also answers Ollama's {@code /api/tags}): llama.cpp's
 * {@code /props}, TGI's {@code /info}, SGLang's {@code /get_model_info} (or {@code /model_info}), vLLM's
 * {@code /version} beside a {@code /v1/models} list, Ollama's {@code /api/version} beside {@code /api/tags},
 * LiteLLM's {@code x-litellm-*} headers or {@code /health/readiness}, LM Studio's {@code /api/v0/models}; then any
 * OpenAI-compatible {@code /v1/models}. The served context length is read where each server says it. Every request
 * has a short timeout, and ports are tried in parallel, so a full scan takes a few timeouts at most.
 */
public final class EndpointDiscovery {
    /** Ollama, llama.cpp (and TGI's docker default), vLLM, LM Studio, LiteLLM, TGI launcher, SGLang. */
    public static final List<Integer> DEFAULT_PORTS = List.of(11434, 8080, 8000, 1234, 4000, 3000, 30000);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(300);

    private final String host;
    private final List<Integer> ports;
    private final Duration timeout;
    /** http:// routes are asked over Arbiter's own client; the JDK client (it initialises TLS) only for https://. */
    private final StreamingHttp plain;
    private volatile HttpClient http;

    public EndpointDiscovery() {
        this("127.0.0.1", DEFAULT_PORTS, DEFAULT_TIMEOUT);
    }

    public EndpointDiscovery(String host, List<Integer> ports, Duration timeout) {
        this.host = host;
        this.ports = List.copyOf(ports);
        this.timeout = timeout;
        // GETs only, which are idempotent and sent again either way
        this.plain = new StreamingHttp(timeout, timeout, ErrorMapper.system(), null, Ticker.system(), false,
                StreamingHttp.DroppedPost.FAIL);
    }

    private HttpClient jdkClient() {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                if (http == null) http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
                c = http;
            }
        }
        return c;
    }

    /** The servers found, in port order. */
    public List<DiscoveredEndpoint> discover() {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(ports.size(), 8)), r -> {
            Thread t = new Thread(r, "arbiter-discovery");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<Optional<DiscoveredEndpoint>>> futures = new ArrayList<>();
            for (int port : ports) {
                URI base = URI.create("http://" + host + ":" + port);
                futures.add(CompletableFuture.supplyAsync(() -> identifyOpen(base), pool));
            }
            List<DiscoveredEndpoint> found = new ArrayList<>();
            for (var f : futures) f.join().ifPresent(found::add);
            return found;
        } finally {
            pool.shutdownNow();
            plain.close();
        }
    }

    /** What kind of server answers at {@code base} (scheme://host:port), or empty when none does. */
    public Optional<DiscoveredEndpoint> identify(URI base) {
        try {
            return identifyOpen(base);
        } finally {
            plain.close(); // its keep-alive connections
        }
    }

    private Optional<DiscoveredEndpoint> identifyOpen(URI base) {
        Reply models = get(base, "/v1/models");
        if (models.refused()) return Optional.empty();
        Reply props = get(base, "/props");
        if (props.json().has("default_generation_settings")) {
            JsonNode nCtx = props.json().path("default_generation_settings").path("n_ctx");
            return found(base, "llama.cpp", text(props.json(), "build_info"), ApiFlavor.openai, ids(models.json()),
                    nCtx.canConvertToInt() ? nCtx.asInt() : null);
        }
        Reply info = get(base, "/info");
        if (info.json().has("model_id") && info.json().has("max_total_tokens")) {
            JsonNode max = info.json().path("max_total_tokens");
            return found(base, "tgi", text(info.json(), "version"), ApiFlavor.openai,
                    List.of(info.json().get("model_id").asText()), max.canConvertToInt() ? max.asInt() : null);
        }
        if (get(base, "/get_model_info").json().has("model_path") || get(base, "/model_info").json().has("model_path")) {
            return found(base, "sglang", null, ApiFlavor.openai, ids(models.json()), maxModelLen(models.json()));
        }
        Reply version = get(base, "/version");
        if (version.json().has("version") && models.json().path("data").isArray()) {
            return found(base, "vllm", text(version.json(), "version"), ApiFlavor.openai, ids(models.json()),
                    maxModelLen(models.json()));
        }
        Reply ollama = get(base, "/api/version");
        Reply tags = ollama.json().has("version") ? get(base, "/api/tags") : ollama;
        if (ollama.json().has("version") && tags.json().path("models").isArray()) {
            List<String> names = new ArrayList<>();
            for (JsonNode m : tags.json().path("models")) names.add(m.path("name").asText(m.path("model").asText()));
            // the loaded model first: the context shown is its context, and the first name is the one suggested
            List<String> loaded = new ArrayList<>();
            Integer context = null;
            for (JsonNode m : get(base, "/api/ps").json().path("models")) {
                String name = m.path("name").asText(m.path("model").asText());
                JsonNode n = m.path("context_length");
                if (context == null && n.canConvertToInt() && n.asInt() > 0) {
                    context = n.asInt();
                    loaded.add(0, name);
                } else {
                    loaded.add(name);
                }
            }
            List<String> ordered = new ArrayList<>();
            for (String l : loaded) if (names.contains(l)) ordered.add(l);
            for (String n : names) if (!ordered.contains(n)) ordered.add(n);
            return found(base, "ollama", text(ollama.json(), "version"), ApiFlavor.ollama, ordered, context);
        }
        Reply readiness = get(base, "/health/readiness");
        if (models.litellm() || readiness.litellm() || readiness.json().has("litellm_version")) {
            // the proxy keeps its model list behind the key; its health routes are open
            return found(base, "litellm", text(readiness.json(), "litellm_version"), ApiFlavor.openai, ids(models.json()),
                    maxModelLen(models.json()));
        }
        Reply lmStudio = get(base, "/api/v0/models");
        if (isLmStudio(lmStudio.json())) {
            return found(base, "lm-studio", null, ApiFlavor.openai, lmStudioChatModels(lmStudio.json(), ids(models.json())),
                    lmStudioContext(lmStudio.json()));
        }
        if (models.json().path("data").isArray() || models.status() == 401 || models.status() == 403) {
            // a proxy may keep even its model list behind the key: found, models unknown
            return found(base, "openai-compatible", null, ApiFlavor.openai, ids(models.json()), maxModelLen(models.json()));
        }
        return Optional.empty();
    }

    private static Optional<DiscoveredEndpoint> found(URI base, String server, String version, ApiFlavor api,
                                                      List<String> models, Integer context) {
        return Optional.of(new DiscoveredEndpoint(base, server, version, api, models, context));
    }


    /** LM Studio's REST API lists models with a {@code compatibility_type} (gguf, mlx) and {@code max_context_length}. */
    public static boolean isLmStudio(JsonNode list) {
        for (JsonNode m : list.path("data")) if (m.has("compatibility_type") && m.has("max_context_length")) return true;
        return false;
    }

    /**
     * The chat models LM Studio lists, loaded ones first (the first is the one suggested, and its context the one
     * shown); embedding models ({@code type: embeddings}) are left out: they answer no chat request. {@code ids} (the
     * OpenAI list) when the REST list names none.
     */
    static List<String> lmStudioChatModels(JsonNode list, List<String> ids) {
        List<String> loaded = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (JsonNode m : list.path("data")) {
            if (!m.hasNonNull("id") || "embeddings".equals(m.path("type").asText())) continue;
            ("loaded".equals(m.path("state").asText()) ? loaded : other).add(m.get("id").asText());
        }
        loaded.addAll(other);
        return loaded.isEmpty() ? ids : loaded;
    }

    /**
     * The loaded chat model's context: {@code loaded_context_length} when LM Studio gives it, else its
     * {@code max_context_length}; embedding models are not counted.
     */
    public static Integer lmStudioContext(JsonNode list) {
        Integer any = null;
        for (JsonNode m : list.path("data")) {
            if ("embeddings".equals(m.path("type").asText())) continue;
            JsonNode n = m.hasNonNull("loaded_context_length") ? m.get("loaded_context_length") : m.path("max_context_length");
            if (!n.canConvertToInt()) continue;
            if ("loaded".equals(m.path("state").asText())) return n.asInt();
            if (any == null) any = n.asInt();
        }
        return any;
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : list.path("data")) if (m.hasNonNull("id")) out.add(m.get("id").asText());
        return out;
    }

    /**
     * vLLM's {@code max_model_len} of the first model listed (the one suggested). A LoRA adapter's entry has none: it
     * names its base model as {@code parent}, whose window it is served with.
     */
    private static Integer maxModelLen(JsonNode list) {
        JsonNode data = list.path("data");
        if (data.isEmpty()) return null;
        JsonNode first = data.get(0);
        JsonNode n = first.path("max_model_len");
        if (!n.canConvertToInt() && first.hasNonNull("parent")) {
            JsonNode parent = entry(list, first.get("parent").asText());
            if (parent != null) n = parent.path("max_model_len");
        }
        return n.canConvertToInt() && n.asInt() > 0 ? n.asInt() : null;
    }

    /** The entry of {@code id} in an OpenAI model list, or null. */
    public static JsonNode entry(JsonNode list, String id) {
        for (JsonNode m : list.path("data")) if (m.path("id").asText().equals(id)) return m;
        return null;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) && n.get(field).isValueNode() ? n.get(field).asText() : null;
    }

    /**
     * @param refused nothing listens on the port; {@code status} 0 when no answer; {@code json} empty unless a 2xx JSON
     *                body came back; {@code litellm} when the answer carried LiteLLM's {@code x-litellm-*} headers
     */
    private record Reply(boolean refused, int status, JsonNode json, boolean litellm) {}

    private Reply getPlain(URI uri) {
        try {
            StreamingHttp.Fetched f = plain.fetch(uri, timeout, MAX_BODY);
            return reply(f.status(), f.body(), f.headerNames());
        } catch (ModelException e) {
            return new Reply(e.kind() == ModelException.Kind.REFUSED, 0, WireJson.MAPPER.createObjectNode(), false);
        } catch (java.util.concurrent.CancellationException e) {
            Thread.currentThread().interrupt();
            return new Reply(true, 0, WireJson.MAPPER.createObjectNode(), false);
        }
    }

    private static Reply reply(int status, byte[] body, java.util.Collection<String> headerNames) {
        JsonNode json = WireJson.MAPPER.createObjectNode();
        if (status / 100 == 2) {
            try {
                JsonNode parsed = WireJson.MAPPER.readTree(body);
                if (parsed != null && parsed.isObject()) json = parsed;
            } catch (IOException notJson) {
                // a non-JSON answer identifies nothing
            }
        }
        boolean litellm = headerNames.stream().anyMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("x-litellm-"));
        return new Reply(false, status, json, litellm);
    }

    /** Longest discovery answer read, in bytes (model lists of big proxies included). */
    private static final int MAX_BODY = 16 << 20;

    private Reply get(URI base, String path) {
        if ("http".equalsIgnoreCase(base.getScheme())) return getPlain(base.resolve(path));
        HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build();
        try {
            HttpResponse<byte[]> r = jdkClient().send(req, HttpResponse.BodyHandlers.ofByteArray());
            return reply(r.statusCode(), r.body(), r.headers().map().keySet());
        } catch (ConnectException e) {
            return new Reply(true, 0, WireJson.MAPPER.createObjectNode(), false);
        } catch (IOException e) {
            return new Reply(false, 0, WireJson.MAPPER.createObjectNode(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(true, 0, WireJson.MAPPER.createObjectNode(), false);
        }
    }
}
