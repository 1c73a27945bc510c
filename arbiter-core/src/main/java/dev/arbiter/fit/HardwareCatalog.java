package dev.arbiter.fit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.catalog.Suggest;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.snapshot.Snapshot;
import dev.arbiter.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Hardware profiles, read from a YAML file with a {@code hardware} list. Errors name the file, the entry's line and
 * id, and the field, like the model catalogue's.
 */
public final class HardwareCatalog {
    static final String BUNDLED = "hardware/hardware.yaml";

    private final Map<String, Hardware> byId;
    private final List<String> order;

    private HardwareCatalog(Map<String, Hardware> byId) {
        this.byId = Map.copyOf(byId);
        this.order = List.copyOf(byId.keySet());
    }

    /** Name of the build's snapshot of the bundled file (see {@link Snapshot}). */
    public static final Snapshot.Spec SNAPSHOT = Snapshot.Spec.of("hardware", "/" + BUNDLED);

    /** What the snapshot holds: the profiles in file order. */
    public record Entries(List<Hardware> hardware) {}

    /** The profiles shipped in the jar: the build's snapshot of them, else the file parsed. */
    public static HardwareCatalog bundled() {
        return Snapshot.read(SNAPSHOT, Entries.class).map(HardwareCatalog::of).orElseGet(HardwareCatalog::parseBundled);
    }

    public Entries entries() { return new Entries(all()); }

    private static HardwareCatalog of(Entries e) {
        Map<String, Hardware> byId = new LinkedHashMap<>();
        e.hardware().forEach(h -> byId.put(h.id(), h));
        return new HardwareCatalog(byId);
    }

    /** The bundled file, parsed. */
    public static HardwareCatalog parseBundled() {
        try (InputStream in = HardwareCatalog.class.getResourceAsStream("/" + BUNDLED)) {
            if (in == null) throw new IllegalStateException("bundled hardware file missing: " + BUNDLED);
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUNDLED, e);
        }
    }

    /** Parses one hardware file; {@code file} is used in error messages. */
    public static HardwareCatalog read(Reader reader, String file) {
        ObjectMapper yaml = Json.yaml();
        Map<String, Hardware> out = new LinkedHashMap<>();
        try (JsonParser p = yaml.getFactory().createParser(reader)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new InvalidInputException(file + ": expected a mapping with a 'hardware' list");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (!field.equals("hardware")) {
                    throw new InvalidInputException(file + " line " + p.currentLocation().getLineNr()
                            + ": unknown top-level field '" + field + "' (expected hardware)");
                }
                if (t != JsonToken.START_ARRAY) {
                    throw new InvalidInputException(file + " line " + p.currentLocation().getLineNr() + ": 'hardware' must be a list");
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    int line = p.currentLocation().getLineNr();
                    JsonNode node = p.readValueAsTree();
                    Hardware h = bind(yaml, node, file, line);
                    if (out.put(h.id(), h) != null) {
                        throw new InvalidInputException(file + " line " + line + ", hardware '" + h.id() + "': duplicate id");
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + " line " + e.getLocation().getLineNr() + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return new HardwareCatalog(out);
    }

    private static Hardware bind(ObjectMapper yaml, JsonNode node, String file, int line) {
        String id = node.hasNonNull("id") ? node.get("id").asText() : "?";
        try {
            return yaml.treeToValue(node, Hardware.class);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(f -> f != null).reduce((a, b) -> a + "." + b).orElse("");
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            String why = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
            throw new InvalidInputException(file + " line " + line + ", hardware '" + id + "'"
                    + (path.isEmpty() ? "" : ", field '" + path + "'") + ": " + why, e);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + " line " + line + ", hardware '" + id + "': " + e.getOriginalMessage(), e);
        }
    }

    public List<Hardware> all() {
        return order.stream().map(byId::get).toList();
    }

    public Optional<Hardware> find(String id) {
        return Optional.ofNullable(byId.get(id.toLowerCase(Locale.ROOT)));
    }

    /** The profile, or an input error suggesting the nearest ids. */
    public Hardware get(String id) {
        return find(id).orElseThrow(() -> new InvalidInputException("unknown hardware '" + id + "'"
                + Suggest.nearest(id, order) + " (./arbiter hardware lists them; or --hardware auto, or --memory-gib GIB [--bandwidth-gbs GB/S])"));
    }
}
