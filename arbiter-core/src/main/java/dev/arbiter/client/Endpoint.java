package dev.arbiter.client;

import java.net.URI;
import java.time.Duration;

/**
 * A named endpoint: where, which protocol, which model, and the limits to respect. The API key is never stored
 * here, only the name of the environment variable that holds it.
 *
 * @param concurrency        maximum requests in flight
 * @param requestsPerMinute  rate cap, or null for none
 * @param pricePerMillionIn  USD per million prompt tokens, or null
 * @param pricePerMillionOut USD per million completion tokens, or null
 */
public record Endpoint(String name, URI baseUrl, ApiFlavor api, String model, String apiKeyEnv, int concurrency,
                       Double requestsPerMinute, Duration connectTimeout, Duration requestTimeout,
                       Double pricePerMillionIn, Double pricePerMillionOut) {
    public Endpoint {
        if (baseUrl == null) throw new IllegalArgumentException("endpoint url is required");
        if (api == null) api = ApiFlavor.openai;
        if (concurrency <= 0) concurrency = 16;
        if (connectTimeout == null) connectTimeout = Duration.ofSeconds(10);
        if (requestTimeout == null) requestTimeout = Duration.ofMinutes(10);
    }

    /** The key from the environment, or null. */
    public String apiKey() {
        return apiKeyEnv == null ? null : System.getenv(apiKeyEnv);
    }
}
