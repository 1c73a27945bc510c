package dev.arbiter.fit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.snapshot.Snapshot;
import dev.arbiter.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The bundled memory claims ({@code scoring/article-memory-claims.yaml}). */
public final class MemoryClaims {
    private final List<MemoryClaim> claims;

    private MemoryClaims(List<MemoryClaim> claims) { this.claims = List.copyOf(claims); }

    /** Name of the build's snapshot of the bundled file (see {@link Snapshot}). */
    public static final Snapshot.Spec SNAPSHOT =
            Snapshot.Spec.of("memory-claims", "/scoring/article-memory-claims.yaml");

    /** What the snapshot holds. */
    public record Entries(List<MemoryClaim> claims) {}

    /**
     * The bundled claims: the build's snapshot of them, else the file parsed. Read once per process (they are in the
     * jar and immutable): recommend asks for them for every model that does not fit.
     */
    public static MemoryClaims bundled() {
        return Bundled.CLAIMS;
    }

    private static final class Bundled {
        static final MemoryClaims CLAIMS = Snapshot.read(SNAPSHOT, Entries.class).map(e -> new MemoryClaims(e.claims()))
                .orElseGet(MemoryClaims::parseBundled);
    }

    public Entries entries() { return new Entries(claims); }

    /** The bundled file, parsed. */
    public static MemoryClaims parseBundled() {
        try (InputStream in = MemoryClaims.class.getResourceAsStream("/scoring/article-memory-claims.yaml")) {
            if (in == null) throw new IllegalStateException("scoring/article-memory-claims.yaml missing from the jar");
            List<MemoryClaim> out = new ArrayList<>();
            for (JsonNode n : Json.yaml().readTree(in).get("claims")) out.add(Json.yaml().treeToValue(n, MemoryClaim.class));
            return new MemoryClaims(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read scoring/article-memory-claims.yaml", e);
        }
    }

    public Optional<MemoryClaim> forModel(String model) {
        return claims.stream().filter(c -> c.model().equals(model)).findFirst();
    }
}
