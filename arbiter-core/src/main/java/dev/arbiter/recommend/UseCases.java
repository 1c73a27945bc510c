package dev.arbiter.recommend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.catalog.Suggest;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.snapshot.Snapshot;
import dev.arbiter.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The bundled use cases ({@code scoring/usecases.yaml}). */
public final class UseCases {
    private final List<UseCase> all;

    private UseCases(List<UseCase> all) { this.all = List.copyOf(all); }

    /** Name of the build's snapshot of the bundled file (see {@link Snapshot}). */
    public static final Snapshot.Spec SNAPSHOT = Snapshot.Spec.of("use-cases", "/scoring/usecases.yaml");

    /** What the snapshot holds. */
    public record Entries(List<UseCase> useCases) {}

    /** The bundled use cases: the build's snapshot of them, else the file parsed. */
    public static UseCases bundled() {
        return Snapshot.read(SNAPSHOT, Entries.class).map(e -> new UseCases(e.useCases()))
                .orElseGet(UseCases::parseBundled);
    }

    public Entries entries() { return new Entries(all); }

    /** The bundled file, parsed. */
    public static UseCases parseBundled() {
        try (InputStream in = UseCases.class.getResourceAsStream("/scoring/usecases.yaml")) {
            if (in == null) throw new IllegalStateException("scoring/usecases.yaml missing from the jar");
            JsonNode root = Json.yaml().readTree(in);
            List<UseCase> out = new ArrayList<>();
            for (JsonNode n : root.get("use_cases")) out.add(Json.yaml().treeToValue(n, UseCase.class));
            return new UseCases(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read scoring/usecases.yaml", e);
        }
    }

    public List<UseCase> all() { return all; }

    public UseCase get(String id) {
        return all.stream().filter(u -> u.id().equalsIgnoreCase(id)).findFirst().orElseThrow(() ->
                new InvalidInputException("unknown use case '" + id + "'"
                        + Suggest.nearest(id, all.stream().map(UseCase::id).toList())
                        + " (known: " + String.join(", ", all.stream().map(UseCase::id).toList()) + ")"));
    }
}
