package dev.arbiter.probe;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Reads probe packs (YAML). Every error names the file, the probe's line and id, the field and what was expected.
 * The bundled packs are listed in {@code probes/index.txt}.
 */
public final class ProbePackLoader {
    static final String INDEX = "probes/index.txt";
    private static final Set<String> PROBE_FIELDS = Set.of("id", "category", "owasp", "atlas", "system", "user", "document",
            "carrier", "injection", "positions", "encoding", "wrapper", "success", "control", "answers", "twin",
            "exfil_host", "lang");
    private static final Set<String> TOP_FIELDS = Set.of("pack", "version", "description", "base_system", "probes");

    private ProbePackLoader() {}

    /** The packs shipped with Arbiter. */
    public static List<ProbePack> bundled() {
        List<ProbePack> packs = new ArrayList<>();
        for (String name : resource(INDEX).lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            packs.add(parse(resource("probes/" + name), "probes/" + name));
        }
        return packs;
    }

    public static ProbePack load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UnavailableException("probe pack " + file + " not found");
        } catch (IOException e) {
            throw new UnavailableException("cannot read probe pack " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    public static ProbePack parse(String text, String file) {
        String packId = null;
        int version = 1;
        String base = null;
        List<Probe> probes = new ArrayList<>();
        try (JsonParser p = Json.yaml().getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidInputException(file + ": expected a mapping with 'pack' and 'probes' at the top");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                int line = p.currentLocation().getLineNr();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "pack" -> packId = p.getValueAsString();
                    case "version" -> {
                        if (t != JsonToken.VALUE_NUMBER_INT || p.getIntValue() < 1) {
                            throw new InvalidInputException(file + " line " + line + ", field 'version': expected a positive integer");
                        }
                        version = p.getIntValue();
                    }
                    case "description" -> p.skipChildren();
                    case "base_system" -> base = p.getValueAsString();
                    case "probes" -> {
                        if (t != JsonToken.START_ARRAY) throw new InvalidInputException(file + " line " + line + ", field 'probes': expected a list");
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            int at = p.currentLocation().getLineNr();
                            probes.add(probe(p.readValueAsTree(), file, at));
                        }
                    }
                    default -> throw new InvalidInputException(file + " line " + line + ": unknown top-level field '" + field
                            + "' (expected " + String.join(", ", TOP_FIELDS.stream().sorted().toList()) + ")");
                }
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + " line " + e.getLocation().getLineNr() + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnavailableException("cannot read probe pack " + file + ": " + e.getMessage(), e);
        }
        if (packId == null || packId.isBlank()) throw new InvalidInputException(file + ": field 'pack' (the pack's id) is required");
        if (probes.isEmpty()) throw new InvalidInputException(file + ": field 'probes' must list at least one probe");
        List<String> seen = new ArrayList<>();
        for (Probe pr : probes) {
            if (seen.contains(pr.id())) throw new InvalidInputException(file + " line " + pr.line() + ": probe id '" + pr.id() + "' is used twice");
            seen.add(pr.id());
        }
        return new ProbePack(packId, version, file, base, probes, sha256(text));
    }

    private static Probe probe(JsonNode n, String file, int line) {
        String id = n.hasNonNull("id") ? n.get("id").asText() : null;
        String where = file + " line " + line + ", probe '" + (id == null ? "?" : id) + "'";
        n.fieldNames().forEachRemaining(f -> {
            if (!PROBE_FIELDS.contains(f)) {
                throw new InvalidInputException(where + ": unknown field '" + f + "' (expected "
                        + String.join(", ", PROBE_FIELDS.stream().sorted().toList()) + ")");
            }
        });
        if (id == null || !id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new InvalidInputException(where + ", field 'id': required, lower-case letters, digits, '.', '_' or '-'");
        }
        ProbeCategory category = ProbeCategory.parse(required(n, "category", where), where + ", field 'category'");
        String user = required(n, "user", where);
        SuccessRule success = n.hasNonNull("success") ? SuccessRule.parse(n.get("success").asText(), where + ", field 'success'")
                : category == ProbeCategory.over_refusal ? SuccessRule.answer : null;
        if (success == null) throw new InvalidInputException(where + ": field 'success' is required (canary, derived, exfil, render or answer)");
        List<Probe.Position> positions = new ArrayList<>();
        for (String s : strings(n, "positions", where)) {
            try {
                positions.add(Probe.Position.valueOf(s));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(where + ", field 'positions': unknown position '" + s + "' (expected start, middle, end)");
            }
        }
        Probe.Twin twin = null;
        if (n.hasNonNull("twin")) {
            JsonNode t = n.get("twin");
            if (!t.isObject()) throw new InvalidInputException(where + ", field 'twin': expected a mapping with user and answers");
            twin = new Probe.Twin(required(t, "user", where + ", twin"), text(t, "document"), strings(t, "answers", where + ", twin"));
            if (twin.answers().isEmpty()) throw new InvalidInputException(where + ", field 'twin.answers': at least one correct answer is required");
        }
        Probe probe = new Probe(id, category, strings(n, "owasp", where), strings(n, "atlas", where), text(n, "system"), user,
                text(n, "document"), text(n, "carrier"), text(n, "injection"), positions,
                n.hasNonNull("encoding") ? Obfuscation.parse(n.get("encoding").asText(), where + ", field 'encoding'") : null,
                text(n, "wrapper"), success, text(n, "control"), strings(n, "answers", where), twin, text(n, "exfil_host"),
                text(n, "lang"), line);
        ProbeRules.check(probe, where);
        return probe;
    }

    private static String required(JsonNode n, String field, String where) {
        String v = text(n, field);
        if (v == null || v.isBlank()) throw new InvalidInputException(where + ": field '" + field + "' is required");
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return List.of();
        if (v.isValueNode()) return List.of(v.asText());
        if (!v.isArray()) throw new InvalidInputException(where + ", field '" + field + "': expected a list of strings");
        List<String> out = new ArrayList<>();
        v.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = ProbePackLoader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("bundled probe resource missing: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
