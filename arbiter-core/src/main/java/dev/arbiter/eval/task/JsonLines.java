package dev.arbiter.eval.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** JSON Lines reading for benchmark files, with errors that name the file, line and field. Blank lines are skipped. */
public final class JsonLines {
    /** One parsed object and where it came from (1-based line). */
    public record Row(Path file, int line, JsonNode node) {
        /** A required string field. */
        public String text(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) throw error("missing field '" + field + "'");
            if (!v.isTextual()) throw error("field '" + field + "' must be a string, got " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            return v.asText();
        }

        /** An optional string (or number, rendered as text) field; null when absent. */
        public String optionalText(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) return null;
            if (v.isTextual() || v.isNumber()) return v.asText();
            throw error("field '" + field + "' must be a string or number");
        }

        /** A required array of strings. */
        public List<String> texts(String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isArray()) throw error("field '" + field + "' must be an array of strings");
            List<String> out = new ArrayList<>();
            for (JsonNode e : v) {
                if (!e.isTextual()) throw error("field '" + field + "' must contain only strings");
                out.add(e.asText());
            }
            return out;
        }

        /** A required integer field. */
        public int integer(String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) throw error("field '" + field + "' must be an integer");
            return v.asInt();
        }

        public InvalidInputException error(String what) {
            return new InvalidInputException(file + ":" + line + ": " + what);
        }
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private JsonLines() {}

    public static List<Row> read(Path file) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line; (line = in.readLine()) != null; ) {
                n++;
                if (line.isBlank()) continue;
                JsonNode node;
                try {
                    node = MAPPER.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new InvalidInputException(file + ":" + n + ": not valid JSON: " + e.getOriginalMessage());
                }
                if (!node.isObject()) throw new InvalidInputException(file + ":" + n + ": expected a JSON object per line");
                rows.add(new Row(file, n, node));
            }
        } catch (NoSuchFileException e) {
            throw new UnavailableException("file not found: " + file);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return rows;
    }
}
