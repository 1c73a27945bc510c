package dev.arbiter.recommend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.snapshot.Snapshot;
import dev.arbiter.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Assumed quality retained after quantisation ({@code scoring/quant-retention.yaml}); 1.0 for unknown names. */
public final class QuantRetention {
    private final Map<String, Double> factors;

    private QuantRetention(Map<String, Double> factors) { this.factors = Map.copyOf(factors); }

    /** Name of the build's snapshot of the bundled file (see {@link Snapshot}). */
    public static final Snapshot.Spec SNAPSHOT =
            Snapshot.Spec.of("quant-retention", "/scoring/quant-retention.yaml");

    /** What the snapshot holds: factor by upper-case quantisation name. */
    public record Entries(Map<String, Double> factors) {}

    /** The bundled factors: the build's snapshot of them, else the file parsed. */
    public static QuantRetention bundled() {
        return Snapshot.read(SNAPSHOT, Entries.class).map(e -> new QuantRetention(e.factors()))
                .orElseGet(QuantRetention::parseBundled);
    }

    public Entries entries() { return new Entries(factors); }

    /** The bundled file, parsed. */
    public static QuantRetention parseBundled() {
        try (InputStream in = QuantRetention.class.getResourceAsStream("/scoring/quant-retention.yaml")) {
            if (in == null) throw new IllegalStateException("scoring/quant-retention.yaml missing from the jar");
            JsonNode root = Json.yaml().readTree(in).get("retention");
            Map<String, Double> m = new HashMap<>();
            root.properties().forEach(e -> m.put(e.getKey().toUpperCase(Locale.ROOT), e.getValue().asDouble()));
            return new QuantRetention(m);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read scoring/quant-retention.yaml", e);
        }
    }

    public double of(String quant) {
        return quant == null ? 1.0 : factors.getOrDefault(quant.toUpperCase(Locale.ROOT), 1.0);
    }
}
