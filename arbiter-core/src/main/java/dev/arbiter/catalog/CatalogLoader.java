package dev.arbiter.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.snapshot.Snapshot;
import dev.arbiter.util.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads catalogue files. A family file holds {@code family}, {@code vendor} and a {@code models} list; a licence
 * file holds a {@code licenses} list; a file may hold both. Every error names the file, the entry's line and id,
 * and the field, because catalogue files are meant to be edited by hand.
 */
public final class CatalogLoader {
    /** Bundled files, in load order; listed because a jar's resource folder cannot be enumerated portably. */
    static final String BUNDLED_INDEX = "/catalog/index.txt";
    /** The build's snapshot of the bundled files (see {@link Snapshot}): the index and every file it lists. */
    public static final Snapshot.Spec SNAPSHOT = new Snapshot.Spec("catalog", () -> {
        List<String> sources = new ArrayList<>();
        sources.add(BUNDLED_INDEX);
        for (String name : bundledNames()) sources.add("/catalog/" + name);
        return sources;
    });

    /** Made on first parse: a command served by the snapshot never loads the YAML mapper. */
    private ObjectMapper yaml;

    private ObjectMapper yaml() {
        if (yaml == null) yaml = Json.yaml();
        return yaml;
    }

    /** The catalogue shipped in the jar: the build's snapshot of it when there is one, else its YAML parsed. */
    public Catalog bundled() {
        return Snapshot.read(SNAPSHOT, Catalog.class).orElseGet(this::parseBundled);
    }

    /** The bundled YAML files, parsed (what the build snapshots, and what {@link #bundled()} falls back to). */
    public Catalog parseBundled() {
        Acc acc = new Acc();
        for (String name : bundledNames()) {
            try (InputStream in = CatalogLoader.class.getResourceAsStream("/catalog/" + name)) {
                if (in == null) throw new IllegalStateException("bundled catalogue file missing: " + name);
                read(new InputStreamReader(in, StandardCharsets.UTF_8), "catalog/" + name, acc);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read bundled catalogue file " + name, e);
            }
        }
        return acc.build();
    }

    /** The bundled catalogue with the user's files on top: an entry with an existing id replaces it. */
    public Catalog load(List<Path> userFiles) {
        Acc acc = new Acc();
        Catalog base = bundled();
        base.licenses().values().forEach(l -> acc.licenses.put(l.id(), l));
        base.models().forEach(m -> acc.models.put(m.id(), new Pending(m, "bundled", 0)));
        for (Path p : expand(userFiles)) {
            try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                read(r, p.toString(), acc);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new UnavailableException("catalogue file not found: " + p);
            } catch (IOException e) {
                throw new UnavailableException("cannot read catalogue file " + p + ": " + e.getMessage(), e);
            }
        }
        return acc.build();
    }

    private static List<Path> expand(List<Path> files) {
        List<Path> out = new ArrayList<>();
        for (Path p : files) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")
                            || f.toString().endsWith(".json")).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UnavailableException("cannot list catalogue directory " + p + ": " + e.getMessage(), e);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static List<String> bundledNames() {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(BUNDLED_INDEX)) {
            if (in == null) throw new IllegalStateException("bundled catalogue index missing: " + BUNDLED_INDEX);
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void read(Reader reader, String file, Acc acc) throws IOException {
        try (JsonParser p = yaml().getFactory().createParser(reader)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidInputException(file + ": expected a mapping with 'models' and/or 'licenses' at the top");
            }
            String family = null;
            String vendor = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "family" -> family = p.getValueAsString();
                    case "vendor" -> vendor = p.getValueAsString();
                    case "source", "notes", "description" -> p.skipChildren();
                    case "licenses" -> readList(p, t, file, "licenses", (node, line) -> {
                        License l = bind(node, License.class, file, line, "licence");
                        acc.licenses.put(l.id(), l);
                    });
                    case "models" -> {
                        final String fam = family;
                        final String ven = vendor;
                        readList(p, t, file, "models", (node, line) -> {
                            if (fam != null && !node.has("family")) ((ObjectNode) node).put("family", fam);
                            if (ven != null && !node.has("vendor")) ((ObjectNode) node).put("vendor", ven);
                            Model m = bind(node, Model.class, file, line, "model");
                            acc.models.put(m.id(), new Pending(m, file, line));
                        });
                    }
                    default -> throw new InvalidInputException(file + " line " + p.currentLocation().getLineNr()
                            + ": unknown top-level field '" + field + "' (expected family, vendor, models, licenses)");
                }
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + " line " + e.getLocation().getLineNr() + ": not valid YAML/JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private interface EntryHandler { void accept(JsonNode node, int line); }

    private void readList(JsonParser p, JsonToken t, String file, String field, EntryHandler h) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            throw new InvalidInputException(file + " line " + p.currentLocation().getLineNr() + ": '" + field + "' must be a list");
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            int line = p.currentLocation().getLineNr();
            JsonNode node = p.readValueAsTree();
            h.accept(node, line);
        }
    }

    private <T> T bind(JsonNode node, Class<T> type, String file, int line, String what) {
        String id = node.hasNonNull("id") ? node.get("id").asText() : "?";
        // Model entries get their family and vendor from the file; "license" is resolved by the loader, never written.
        var unknown = UnknownFields.find(node, type);
        if (unknown.isPresent()) {
            throw new InvalidInputException(file + " line " + line + ", " + what + " '" + id + "': " + unknown.get());
        }
        try {
            return yaml().treeToValue(node, type);
        } catch (JsonMappingException e) {
            String path = fieldPath(e);
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            String why = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
            throw new InvalidInputException(file + " line " + line + ", " + what + " '" + id + "'"
                    + (path.isEmpty() ? "" : ", field '" + path + "'") + ": " + why, e);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + " line " + line + ", " + what + " '" + id + "': " + e.getOriginalMessage(), e);
        }
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private record Pending(Model model, String file, int line) {}

    private static final class Acc {
        final Map<String, License> licenses = new LinkedHashMap<>();
        final Map<String, Pending> models = new LinkedHashMap<>();

        Catalog build() {
            List<Model> resolved = new ArrayList<>();
            for (Pending p : models.values()) {
                License l = licenses.get(p.model().licenseId());
                if (l == null) {
                    throw new InvalidInputException(p.file() + (p.line() > 0 ? " line " + p.line() : "") + ", model '"
                            + p.model().id() + "', field 'license_id': unknown licence '" + p.model().licenseId()
                            + "' (known: " + String.join(", ", licenses.keySet()) + ")");
                }
                resolved.add(p.model().withLicense(l));
            }
            return new Catalog(resolved, licenses);
        }
    }
}
