package dev.arbiter.cli;

import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.EndpointConfigLoader;
import dev.arbiter.error.InvalidInputException;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --endpoint URL --model NAME [--api openai|ollama] [--api-key-env VAR]}, or {@code --endpoint NAME} for an
 * endpoint in the endpoints config ({@code --endpoints-config FILE}, default {@code $ARBITER_HOME/endpoints.yaml});
 * flags given with a name override the config's values.
 */
public final class EndpointMixin {
    static final int OLLAMA_PORT = 11434;

    /** The first --endpoint (JudgeClients and the guard options set it directly). */
    String endpoint;

    @Option(names = "--endpoint", paramLabel = "URL|NAME",
            description = "Model server URL (e.g. http://127.0.0.1:8000) or an endpoint name from the endpoints config. "
                    + "eval: repeat it for replicas of the same model (requests go to the least busy; a failing one is taken out and retried later).")
    void endpoints(List<String> values) {
        endpointValues = List.copyOf(values);
        endpoint = values.isEmpty() ? null : values.get(0);
    }

    private List<String> endpointValues = List.of();

    @Option(names = "--model", paramLabel = "NAME", description = "Model name as the server knows it (see ./arbiter endpoints).")
    String model;

    @Option(names = "--api", paramLabel = "API",
            description = "Protocol: openai or ollama (default: ollama on port 11434, else openai).")
    ApiFlavor api;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "Environment variable holding the API key (sent as a Bearer token).")
    String apiKeyEnv;

    @Option(names = "--endpoints-config", paramLabel = "FILE", description = "Named endpoints (YAML). Default: $ARBITER_HOME/endpoints.yaml.")
    Path config;

    public boolean isSet() {
        return endpoint != null;
    }

    /**
     * The URLs of further replicas of the first endpoint's model ({@code --endpoint} given more than once); empty for
     * one endpoint. Each must be a URL: replicas share the first endpoint's model, protocol and key.
     */
    public List<URI> replicaUrls() {
        if (endpointValues.size() < 2) return List.of();
        List<URI> out = new java.util.ArrayList<>();
        for (String v : endpointValues) {
            if (!v.contains("://")) {
                throw new InvalidInputException("--endpoint '" + v + "': replicas (--endpoint given more than once) are URLs "
                        + "of servers of the same model, e.g. --endpoint http://10.0.0.1:8000 --endpoint http://10.0.0.2:8000");
            }
            try {
                out.add(URI.create(v.strip()));
            } catch (IllegalArgumentException ex) {
                throw new InvalidInputException("--endpoint: not a URL: " + ex.getMessage());
            }
        }
        return out;
    }

    /** The first endpoint of several replicas (eval); its model, protocol and key are the replicas' too. */
    public Endpoint resolveReplicated() {
        replicaUrls();  // refuses a replica that is not a URL before anything is loaded
        return resolveOne();
    }

    public Path configFile() {
        return config != null ? config : Home.dir().resolve("endpoints.yaml");
    }

    /** The endpoint the flags describe; several --endpoint values are refused (only eval takes replicas). */
    public Endpoint resolve() {
        if (endpointValues.size() > 1) {
            throw new InvalidInputException("--endpoint is given " + endpointValues.size() + " times; only eval takes "
                    + "replicas of one model");
        }
        return resolveOne();
    }

    private Endpoint resolveOne() {
        if (endpoint == null || endpoint.isBlank()) {
            throw new InvalidInputException("--endpoint is required: a URL such as http://127.0.0.1:8000, or a name from "
                    + configFile() + " ('./arbiter endpoints' lists servers running here)");
        }
        Endpoint e = endpoint.contains("://") ? fromUrl() : fromConfig();
        if (e.model() == null || e.model().isBlank()) {
            throw new InvalidInputException("--model is required for endpoint '" + e.name() + "' ('./arbiter endpoints' lists the models each server offers)");
        }
        return e;
    }

    private Endpoint fromUrl() {
        URI uri;
        try {
            uri = URI.create(endpoint.strip());
        } catch (IllegalArgumentException ex) {
            throw new InvalidInputException("--endpoint: not a URL: " + ex.getMessage());
        }
        ApiFlavor flavor = api != null ? api : (uri.getPort() == OLLAMA_PORT ? ApiFlavor.ollama : ApiFlavor.openai);
        try {
            return Endpoint.of(uri, flavor, model).withApiKeyEnv(apiKeyEnv);
        } catch (IllegalArgumentException ex) {
            throw new InvalidInputException("--endpoint" + (ex.getMessage().startsWith("api_key_env") ? "/--api-key-env" : "") + ": " + ex.getMessage());
        }
    }

    private Endpoint fromConfig() {
        String name = endpoint.strip();
        if (config == null && !Files.exists(configFile())) {
            // No named endpoints exist, so this is a URL without its scheme or a placeholder, not a name.
            throw new InvalidInputException("--endpoint '" + name + "' is not a URL (expected e.g. http://"
                    + (name.matches("[\\w.-]+:\\d+/?") ? name : "127.0.0.1:8000")
                    + ") and there is no " + configFile() + " to look it up as a name; './arbiter endpoints' lists servers running here");
        }
        Endpoint e = new EndpointConfigLoader().find(configFile(), name);
        if (model != null) e = e.withModel(model);
        try {
            if (apiKeyEnv != null) e = e.withApiKeyEnv(apiKeyEnv);
        } catch (IllegalArgumentException ex) {
            throw new InvalidInputException("--api-key-env: " + ex.getMessage());
        }
        if (api != null) {
            e = new Endpoint(e.name(), e.baseUrl(), api, e.model(), e.apiKeyEnv(), e.concurrency(), e.requestsPerMinute(),
                    e.connectTimeout(), e.requestTimeout(), e.pricePerMillionIn(), e.pricePerMillionOut());
        }
        return e;
    }
}
