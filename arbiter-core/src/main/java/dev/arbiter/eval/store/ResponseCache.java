package dev.arbiter.eval.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.util.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Model responses keyed by what was asked: sha256 of the endpoint identity (protocol, base URL, model — never a key)
 * and the request as canonical JSON (sorted keys, no whitespace). A repeat of the same request to the same model
 * is answered from the store. {@code salt} separates answers that must differ although the request is the same
 * (epoch k &gt; 0 of a sample), and is empty otherwise.
 */
public final class ResponseCache {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .build()
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

    private final RunStore store;
    private final Clock clock;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public ResponseCache(RunStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The key for {@code request} sent to {@code endpoint} (e.g. {@code openai http://127.0.0.1:8000 llama3}). */
    public static String key(String endpoint, GenerateRequest request, String salt) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(endpoint.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(CANONICAL.writeValueAsBytes(request));
            if (salt != null && !salt.isEmpty()) {
                sha.update((byte) '\n');
                sha.update(salt.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot build a cache key", e);
        }
    }

    public Optional<GenerateResponse> get(String key) {
        Optional<String> json = store.cached(key);
        if (json.isEmpty()) {
            misses.incrementAndGet();
            return Optional.empty();
        }
        try {
            GenerateResponse r = Json.mapper().readValue(json.get(), GenerateResponse.class);
            hits.incrementAndGet();
            return Optional.of(r);
        } catch (JsonProcessingException e) {
            // An entry written by an older response shape is simply not a hit; it is overwritten on the next put.
            misses.incrementAndGet();
            return Optional.empty();
        }
    }

    public void put(String key, GenerateResponse response) {
        store.cache(key, Json.write(response), clock.instant());
    }

    /** Lookups answered from the store since this object was made. */
    public long hits() { return hits.get(); }

    /** Lookups that found nothing since this object was made. */
    public long misses() { return misses.get(); }
}
