package dev.arbiter.cost;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.snapshot.Snapshot;
import dev.arbiter.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Hardware prices read from a YAML file ({@code cost/prices.yaml} in the jar, or a user's file in the same format).
 * Every price names its provider, the day it was read and its source; errors name the file, the entry's line, the
 * hardware id and the field. A user file replaces bundled entries by hardware id ({@link #overriddenBy}).
 */
public final class PriceBook {
    static final String BUNDLED = "cost/prices.yaml";

    private final Map<String, HardwarePrice> byHardware;
    private final EnergyPrice energy;
    private final Integer amortisationYears;

    PriceBook(Map<String, HardwarePrice> byHardware, EnergyPrice energy, Integer amortisationYears) {
        this.byHardware = Map.copyOf(byHardware);
        this.energy = energy;
        this.amortisationYears = amortisationYears;
    }

    /** Name of the build's snapshot of the bundled file (see {@link Snapshot}). */
    public static final Snapshot.Spec SNAPSHOT = Snapshot.Spec.of("prices", "/" + BUNDLED);

    /** What the snapshot holds: the book's three parts, prices by hardware id (the map has no order). */
    public record Entries(List<HardwarePrice> prices, EnergyPrice energy, Integer amortisationYears) {}

    /** The prices shipped in the jar: the build's snapshot of them, else the file parsed. */
    public static PriceBook bundled() {
        return Snapshot.read(SNAPSHOT, Entries.class).map(PriceBook::of).orElseGet(PriceBook::parseBundled);
    }

    public Entries entries() {
        return new Entries(all().stream().sorted(java.util.Comparator.comparing(HardwarePrice::hardware)).toList(), energy,
                amortisationYears);
    }

    private static PriceBook of(Entries e) {
        Map<String, HardwarePrice> m = new LinkedHashMap<>();
        e.prices().forEach(h -> m.put(h.hardware().toLowerCase(Locale.ROOT), h));
        return new PriceBook(m, e.energy(), e.amortisationYears());
    }

    /** The bundled file, parsed. */
    public static PriceBook parseBundled() {
        try (InputStream in = PriceBook.class.getResourceAsStream("/" + BUNDLED)) {
            if (in == null) throw new IllegalStateException("bundled prices missing: " + BUNDLED);
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUNDLED, e);
        }
    }

    /** A user's prices file. @throws InvalidInputException when it cannot be read or is not valid */
    public static PriceBook read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read prices file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses one prices file; {@code file} names it in error messages. */
    public static PriceBook read(Reader reader, String file) {
        ObjectMapper yaml = Json.yaml();
        Map<String, HardwarePrice> out = new LinkedHashMap<>();
        EnergyPrice energy = null;
        Integer years = null;
        try (JsonParser p = yaml.getFactory().createParser(reader)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new InvalidInputException(file + ": expected a mapping with a 'prices' list");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                int line = p.currentLocation().getLineNr();
                switch (field) {
                    case "prices" -> {
                        if (t != JsonToken.START_ARRAY) throw new InvalidInputException(file + " line " + line + ": 'prices' must be a list");
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            int at = p.currentLocation().getLineNr();
                            HardwarePrice h = bind(yaml, p.readValueAsTree(), HardwarePrice.class, file, at,
                                    "hardware '%s'");
                            if (out.put(h.hardware().toLowerCase(Locale.ROOT), h) != null) {
                                throw new InvalidInputException(file + " line " + at + ", hardware '" + h.hardware() + "': listed twice");
                            }
                        }
                    }
                    case "energy" -> energy = bind(yaml, p.readValueAsTree(), EnergyPrice.class, file, line, "energy");
                    case "amortisation_years" -> {
                        if (t != JsonToken.VALUE_NUMBER_INT || p.getIntValue() < 1) {
                            throw new InvalidInputException(file + " line " + line + ", field 'amortisation_years': expected a whole number of years >= 1");
                        }
                        years = p.getIntValue();
                    }
                    default -> throw new InvalidInputException(file + " line " + line + ": unknown top-level field '" + field
                            + "' (expected energy, amortisation_years, prices)");
                }
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + " line " + e.getLocation().getLineNr() + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return new PriceBook(out, energy, years);
    }

    /** This book with {@code user}'s entries replacing ours by hardware id, and its energy and amortisation when given. */
    public PriceBook overriddenBy(PriceBook user) {
        Map<String, HardwarePrice> merged = new LinkedHashMap<>(byHardware);
        merged.putAll(user.byHardware);
        return new PriceBook(merged, user.energy != null ? user.energy : energy,
                user.amortisationYears != null ? user.amortisationYears : amortisationYears);
    }

    public Optional<HardwarePrice> find(String hardwareId) {
        return Optional.ofNullable(byHardware.get(hardwareId.toLowerCase(Locale.ROOT)));
    }

    public List<HardwarePrice> all() {
        return List.copyOf(byHardware.values());
    }

    /** The default electricity price, or null when the book has none. */
    public EnergyPrice energy() { return energy; }

    /** The default amortisation period in years (3 when the book does not say). */
    public int amortisationYears() { return amortisationYears != null ? amortisationYears : 3; }

    private static <T> T bind(ObjectMapper yaml, JsonNode node, Class<T> type, String file, int line, String what) {
        String label = what.contains("%s") ? String.format(Locale.US, what, node.hasNonNull("hardware") ? node.get("hardware").asText() : "?") : what;
        try {
            return yaml.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(f -> f != null).reduce((a, b) -> a + "." + b).orElse("");
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            String why = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
            throw new InvalidInputException(file + " line " + line + ", " + label + (path.isEmpty() ? "" : ", field '" + path + "'")
                    + ": " + why, e);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + " line " + line + ", " + label + ": " + e.getOriginalMessage(), e);
        }
    }
}
