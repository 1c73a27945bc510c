package dev.arbiter.score;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.snapshot.Snapshot;
import dev.arbiter.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The bundled benchmark scales ({@code scoring/benchmarks.yaml}). */
public final class BenchmarkScales {
    private final Map<String, BenchmarkScale> byId;

    public BenchmarkScales(Map<String, BenchmarkScale> byId) { this.byId = Map.copyOf(byId); }

    /** Name of the build's snapshot of the bundled file (see {@link Snapshot}). */
    public static final Snapshot.Spec SNAPSHOT = Snapshot.Spec.of("benchmark-scales", "/scoring/benchmarks.yaml");

    /** What the snapshot holds: the scales, by id (the map they come from has no order). */
    public record Entries(List<BenchmarkScale> scales) {}

    /** The bundled scales: the build's snapshot of them, else the file parsed. */
    public static BenchmarkScales bundled() {
        return Snapshot.read(SNAPSHOT, Entries.class).map(BenchmarkScales::of).orElseGet(BenchmarkScales::parseBundled);
    }

    public Entries entries() {
        return new Entries(byId.values().stream().sorted(java.util.Comparator.comparing(BenchmarkScale::id)).toList());
    }

    private static BenchmarkScales of(Entries e) {
        Map<String, BenchmarkScale> m = new LinkedHashMap<>();
        e.scales().forEach(s -> m.put(s.id(), s));
        return new BenchmarkScales(m);
    }

    /** The bundled file, parsed. */
    public static BenchmarkScales parseBundled() {
        try (InputStream in = BenchmarkScales.class.getResourceAsStream("/scoring/benchmarks.yaml")) {
            if (in == null) throw new IllegalStateException("scoring/benchmarks.yaml missing from the jar");
            JsonNode root = Json.yaml().readTree(in).get("benchmarks");
            Map<String, BenchmarkScale> m = new LinkedHashMap<>();
            root.properties().forEach(e -> {
                JsonNode n = e.getValue();
                m.put(e.getKey(), new BenchmarkScale(e.getKey(), n.path("chance").asDouble(0),
                        n.has("min") ? n.get("min").asDouble() : null, n.has("max") ? n.get("max").asDouble() : null,
                        n.path("items").asInt(0), n.has("subset_of") ? n.get("subset_of").asText() : null));
            });
            m.values().stream().filter(s -> s.subsetOf() != null && !m.containsKey(s.subsetOf())).findFirst().ifPresent(s -> {
                throw new IllegalStateException("scoring/benchmarks.yaml: " + s.id() + " is subset_of " + s.subsetOf() + ", which is not listed");
            });
            return new BenchmarkScales(m);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read scoring/benchmarks.yaml", e);
        }
    }

    public Optional<BenchmarkScale> get(String benchmark) { return Optional.ofNullable(byId.get(benchmark)); }
}
