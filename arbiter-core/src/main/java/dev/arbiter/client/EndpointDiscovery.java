package dev.arbiter.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.http.WireJson;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Looks for model servers on 127.0.0.1 at their usual ports and identifies each by what only it answers:
 * Ollama {@code /api/tags}, llama.cpp {@code /props}, TGI {@code /info}, SGLang {@code /get_model_info},
 * vLLM {@code /version}, then any OpenAI-compatible {@code /v1/models} (named by port: LM Studio 1234, LiteLLM 4000).
 * Every request has a short timeout, and ports are tried in parallel, so a full scan takes about one timeout.
 */
public final class EndpointDiscovery {
    /** Ollama, llama.cpp (and TGI's docker default), vLLM, LM Studio, LiteLLM, TGI launcher, SGLang. */
    public static final List<Integer> DEFAULT_PORTS = List.of(11434, 8080, 8000, 1234, 4000, 3000, 30000);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(300);
    private static final Map<Integer, String> PORT_NAMES = Map.of(1234, "lm-studio", 4000, "litellm");

    private final String host;
    private final List<Integer> ports;
    private final Duration timeout;
    private final HttpClient http;

    public EndpointDiscovery() {
        this("127.0.0.1", DEFAULT_PORTS, DEFAULT_TIMEOUT);
    }

    public EndpointDiscovery(String host, List<Integer> ports, Duration timeout) {
        this.host = host;
        this.ports = List.copyOf(ports);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
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
                futures.add(CompletableFuture.supplyAsync(() -> identify(base), pool));
            }
            List<DiscoveredEndpoint> found = new ArrayList<>();
            for (var f : futures) f.join().ifPresent(found::add);
            return found;
        } finally {
            pool.shutdownNow();
        }
    }

    /** What kind of server answers at {@code base} (scheme://host:port), or empty when none does. */
    public Optional<DiscoveredEndpoint> identify(URI base) {
        Reply tags = get(base, "/api/tags");
        if (tags.refused()) return Optional.empty();
        if (tags.json().path("models").isArray()) {
            List<String> models = new ArrayList<>();
            for (JsonNode m : tags.json().path("models")) models.add(m.path("name").asText(m.path("model").asText()));
            String version = text(get(base, "/api/version").json(), "version");
            return Optional.of(new DiscoveredEndpoint(base, "ollama", version, ApiFlavor.ollama, models, null));
        }
        Reply props = get(base, "/props");
        if (props.json().has("default_generation_settings")) {
            JsonNode nCtx = props.json().path("default_generation_settings").path("n_ctx");
            return Optional.of(new DiscoveredEndpoint(base, "llama.cpp", text(props.json(), "build_info"), ApiFlavor.openai,
                    openAiModels(base), nCtx.canConvertToInt() ? nCtx.asInt() : null));
        }
        Reply info = get(base, "/info");
        if (info.json().has("model_id")) {
            JsonNode max = info.json().path("max_total_tokens");
            return Optional.of(new DiscoveredEndpoint(base, "tgi", text(info.json(), "version"), ApiFlavor.openai,
                    List.of(info.json().get("model_id").asText()), max.canConvertToInt() ? max.asInt() : null));
        }
        Reply sglang = get(base, "/get_model_info");
        if (sglang.json().has("model_path")) {
            return Optional.of(new DiscoveredEndpoint(base, "sglang", null, ApiFlavor.openai, openAiModels(base), null));
        }
        Reply vllm = get(base, "/version");
        Reply models = get(base, "/v1/models");
        if (vllm.json().has("version") && models.json().path("data").isArray()) {
            return Optional.of(new DiscoveredEndpoint(base, "vllm", text(vllm.json(), "version"), ApiFlavor.openai,
                    ids(models.json()), maxModelLen(models.json())));
        }
        if (models.json().path("data").isArray() || models.status() == 401 || models.status() == 403) {
            // a proxy such as LiteLLM may keep even its model list behind the key: found, models unknown
            String name = PORT_NAMES.getOrDefault(base.getPort(), "openai-compatible");
            return Optional.of(new DiscoveredEndpoint(base, name, null, ApiFlavor.openai, ids(models.json()), maxModelLen(models.json())));
        }
        return Optional.empty();
    }

    private List<String> openAiModels(URI base) {
        return ids(get(base, "/v1/models").json());
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : list.path("data")) if (m.hasNonNull("id")) out.add(m.get("id").asText());
        return out;
    }

    private static Integer maxModelLen(JsonNode list) {
        JsonNode data = list.path("data");
        if (data.size() != 1) return null;
        JsonNode n = data.get(0).path("max_model_len");
        return n.canConvertToInt() ? n.asInt() : null;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) && n.get(field).isValueNode() ? n.get(field).asText() : null;
    }

    /** @param refused nothing listens on the port; {@code status} 0 when no answer; {@code json} empty unless a 2xx JSON body came back */
    private record Reply(boolean refused, int status, JsonNode json) {}

    private Reply get(URI base, String path) {
        HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build();
        try {
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            boolean ok = r.statusCode() / 100 == 2;
            JsonNode json = WireJson.MAPPER.createObjectNode();
            if (ok) {
                try {
                    JsonNode parsed = WireJson.MAPPER.readTree(r.body());
                    if (parsed != null && parsed.isObject()) json = parsed;
                } catch (IOException notJson) {
                    // a non-JSON answer identifies nothing
                }
            }
            return new Reply(false, r.statusCode(), json);
        } catch (ConnectException e) {
            return new Reply(true, 0, WireJson.MAPPER.createObjectNode());
        } catch (IOException e) {
            return new Reply(false, 0, WireJson.MAPPER.createObjectNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(true, 0, WireJson.MAPPER.createObjectNode());
        }
    }
}
