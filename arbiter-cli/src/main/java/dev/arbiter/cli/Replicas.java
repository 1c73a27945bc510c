package dev.arbiter.cli;

import dev.arbiter.client.Endpoint;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ReplicaSetClient;
import dev.arbiter.util.Ticker;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The model client of {@code eval}: one endpoint, or a {@link ReplicaSetClient} over several URLs of one model. */
final class Replicas {
    private Replicas() {}

    /**
     * @param urls    every --endpoint URL when given more than once, else empty ({@code endpoint} alone)
     * @param factory builds the client of one endpoint
     */
    static ModelClient client(Endpoint endpoint, List<URI> urls, Function<Endpoint, ModelClient> factory) {
        if (urls.isEmpty()) return factory.apply(endpoint);
        List<ModelClient> clients = new ArrayList<>();
        try {
            for (URI url : urls) clients.add(factory.apply(at(endpoint, url)));
        } catch (RuntimeException e) {
            clients.forEach(ModelClient::close);
            throw e;
        }
        return new ReplicaSetClient(clients, Ticker.system(), ReplicaSetClient.DEFAULT_COOLDOWN);
    }

    /** The same model, protocol, key variable and limits at another URL. */
    private static Endpoint at(Endpoint e, URI url) {
        try {
            return new Endpoint(null, url, e.api(), e.model(), e.apiKeyEnv(), e.concurrency(), e.requestsPerMinute(),
                    e.connectTimeout(), e.requestTimeout(), e.pricePerMillionIn(), e.pricePerMillionOut());
        } catch (IllegalArgumentException ex) {
            throw new dev.arbiter.error.InvalidInputException("--endpoint: " + ex.getMessage());
        }
    }
}
