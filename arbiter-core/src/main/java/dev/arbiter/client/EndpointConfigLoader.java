package dev.arbiter.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.util.Json;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads named endpoints from YAML (or JSON): a list of mappings, or a mapping with an {@code endpoints} list.
 * Fields: name, url, api, model, api_key_env, concurrency, requests_per_minute, connect_timeout_s,
 * request_timeout_s, price_per_million_in, price_per_million_out. Every error names the file, line, endpoint and
 * field. The file holds no secrets: {@code api_key_env} names the variable that does.
 */
public final class EndpointConfigLoader {
    static final List<String> FIELDS = List.of("name", "url", "api", "model", "api_key_env", "concurrency",
            "requests_per_minute", "connect_timeout_s", "request_timeout_s", "price_per_million_in", "price_per_million_out");

    /** A scalar as written, with the line it is on. */
    private record Value(String text, JsonToken token, int line) {}

    public List<Endpoint> load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UnavailableException("endpoints config not found: " + file);
        } catch (IOException e) {
            throw new UnavailableException("cannot read endpoints config " + file + ": " + e.getMessage(), e);
        }
        return parse(new StringReader(text), file.toString());
    }

    /** The endpoint called {@code name} in {@code file}. */
    public Endpoint find(Path file, String name) {
        List<Endpoint> all = load(file);
        for (Endpoint e : all) if (e.name().equals(name)) return e;
        throw new InvalidInputException(file + ": no endpoint named '" + name + "' (defined: "
                + (all.isEmpty() ? "none" : String.join(", ", all.stream().map(Endpoint::name).toList())) + ")");
    }

    public List<Endpoint> parse(Reader reader, String file) {
        List<Endpoint> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        try (JsonParser p = Json.yaml().getFactory().createParser(reader)) {
            JsonToken t = p.nextToken();
            if (t == null) return out;
            if (t == JsonToken.START_OBJECT) {
                if (p.nextToken() != JsonToken.FIELD_NAME || !p.currentName().equals("endpoints")) {
                    throw new InvalidInputException(file + " line " + line(p) + ": expected a list of endpoints, or 'endpoints:' with a list");
                }
                t = p.nextToken();
            }
            if (t != JsonToken.START_ARRAY) {
                throw new InvalidInputException(file + " line " + line(p) + ": expected a list of endpoints (each '- name: …')");
            }
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    throw new InvalidInputException(file + " line " + line(p) + ": each endpoint must be a mapping of fields");
                }
                int entryLine = line(p);
                Map<String, Value> fields = readEntry(p, file);
                Endpoint e = build(fields, file, entryLine);
                Integer before = seen.putIfAbsent(e.name(), entryLine);
                if (before != null) {
                    throw new InvalidInputException(file + " line " + entryLine + ", field 'name': endpoint '" + e.name()
                            + "' is already defined at line " + before);
                }
                out.add(e);
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + " line " + e.getLocation().getLineNr() + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnavailableException("cannot read endpoints config " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static Map<String, Value> readEntry(JsonParser p, String file) throws IOException {
        Map<String, Value> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            int line = line(p);
            if (!FIELDS.contains(field)) {
                throw new InvalidInputException(file + " line " + line + ": unknown field '" + field + "' (expected one of "
                        + String.join(", ", FIELDS) + ")");
            }
            JsonToken v = p.nextToken();
            if (v.isStructStart()) {
                throw new InvalidInputException(file + " line " + line + ", field '" + field + "': expected a single value, not a list or mapping");
            }
            fields.put(field, new Value(v == JsonToken.VALUE_NULL ? null : p.getText(), v, line));
        }
        return fields;
    }

    private static Endpoint build(Map<String, Value> f, String file, int entryLine) {
        Value nameV = f.get("name");
        String name = nameV == null || nameV.text() == null || nameV.text().isBlank() ? null : nameV.text().strip();
        Where where = new Where(file, name == null ? "?" : name);
        if (name == null) throw new InvalidInputException(where.at(entryLine, "name") + "is required");
        Value urlV = f.get("url");
        if (urlV == null || urlV.text() == null) {
            throw new InvalidInputException(where.at(entryLine, "url") + "is required (e.g. http://127.0.0.1:8000)");
        }
        URI url;
        try {
            url = new URI(urlV.text().strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException(where.at(urlV.line(), "url") + "not a URL: " + e.getReason());
        }
        ApiFlavor api = ApiFlavor.openai;
        Value apiV = f.get("api");
        if (apiV != null && apiV.text() != null) {
            try {
                api = ApiFlavor.valueOf(apiV.text().strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(where.at(apiV.line(), "api") + "expected openai or ollama, got '" + apiV.text() + "'");
            }
        }
        Value envV = f.get("api_key_env");
        String env = envV == null ? null : envV.text();
        if (env != null && !env.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            // the value is not echoed: it may be the key itself
            throw new InvalidInputException(where.at(envV.line(), "api_key_env")
                    + "expected the NAME of an environment variable (e.g. OPENAI_API_KEY), not the key itself");
        }
        Double concurrency = number(f, "concurrency", where, 1, true);
        Double rpm = number(f, "requests_per_minute", where, Double.MIN_VALUE, false);
        Double connect = number(f, "connect_timeout_s", where, Double.MIN_VALUE, false);
        Double request = number(f, "request_timeout_s", where, Double.MIN_VALUE, false);
        Double priceIn = number(f, "price_per_million_in", where, 0, false);
        Double priceOut = number(f, "price_per_million_out", where, 0, false);
        Value modelV = f.get("model");
        try {
            return new Endpoint(name, url, api, modelV == null ? null : modelV.text(), env,
                    concurrency == null ? 0 : concurrency.intValue(), rpm, seconds(connect), seconds(request), priceIn, priceOut);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(where.at(urlV.line(), "url") + e.getMessage());
        }
    }

    private static Double number(Map<String, Value> f, String field, Where where, double min, boolean whole) {
        Value v = f.get(field);
        if (v == null || v.text() == null) return null;
        String expected = whole ? "a whole number >= " + (long) min : (min == 0 ? "a number >= 0" : "a number > 0");
        double d;
        try {
            d = Double.parseDouble(v.text().strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where.at(v.line(), field) + "expected " + expected + ", got '" + v.text() + "'");
        }
        if (Double.isNaN(d) || Double.isInfinite(d) || d < min || (whole && d != Math.rint(d))) {
            throw new InvalidInputException(where.at(v.line(), field) + "expected " + expected + ", got " + v.text());
        }
        return d;
    }

    private record Where(String file, String name) {
        String at(int line, String field) {
            return file + " line " + line + ", endpoint '" + name + "', field '" + field + "': ";
        }
    }

    private static Duration seconds(Double s) {
        return s == null ? null : Duration.ofMillis(Math.round(s * 1000));
    }
}
