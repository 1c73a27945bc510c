package dev.arbiter.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.snapshot.Snapshot;
import dev.arbiter.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The bundled axis definitions ({@code scoring/dimensions.yaml}), in radar order. */
public final class Dimensions {
    public static final String EFFICIENCY = "efficiency";
    public static final String MULTIMODALITY = "multimodality";

    private Dimensions() {}

    /** Name of the build's snapshot of the bundled file (see {@link Snapshot}). */
    public static final Snapshot.Spec SNAPSHOT = Snapshot.Spec.of("dimensions", "/scoring/dimensions.yaml");

    /** What the snapshot holds. */
    public record Entries(List<Dimension> dimensions) {}

    /** The bundled dimensions: the build's snapshot of them, else the file parsed. */
    public static List<Dimension> bundled() {
        return Snapshot.read(SNAPSHOT, Entries.class).map(Entries::dimensions).map(List::copyOf)
                .orElseGet(Dimensions::parseBundled);
    }

    /** The bundled file, parsed. */
    public static List<Dimension> parseBundled() {
        try (InputStream in = Dimensions.class.getResourceAsStream("/scoring/dimensions.yaml")) {
            if (in == null) throw new IllegalStateException("scoring/dimensions.yaml missing from the jar");
            JsonNode root = Json.yaml().readTree(in);
            List<Dimension> out = new ArrayList<>();
            for (JsonNode d : root.get("dimensions")) {
                Map<String, Double> b = Json.yaml().convertValue(d.get("benchmarks"),
                        Json.yaml().getTypeFactory().constructMapType(Map.class, String.class, Double.class));
                out.add(new Dimension(d.get("id").asText(), d.get("label").asText(), b));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read scoring/dimensions.yaml", e);
        }
    }
}
