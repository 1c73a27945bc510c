package dev.arbiter.eval.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.arbiter.client.ChatMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts one field's raw value into what a Sample holds; throws {@link RowException} naming the field.
 * CSV cells are text: a cell that is a JSON list (input, target, choices) or object (metadata) is read as JSON.
 */
final class Fields {
    /** Built on first use (metadata objects): a file without metadata never needs it. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = JsonMapper.builder().build();
    }
    private static final Set<String> ROLES = Set.of("system", "user", "assistant");

    private Fields() {}

    static List<ChatMessage> input(JsonNode v, String field, boolean fromText) {
        if (v == null || v.isNull()) throw new RowException(field, "missing");
        if (fromText && v.isTextual() && v.asText().strip().startsWith("[")) {
            JsonNode parsed = tryJson(v.asText());
            if (parsed != null && parsed.isArray() && parsed.size() > 0 && parsed.get(0).isObject()) return messages(parsed, field);
        }
        if (v.isTextual()) {
            if (v.asText().isBlank()) throw new RowException(field, "empty");
            return List.of(ChatMessage.user(v.asText()));
        }
        if (v.isArray()) return messages(v, field);
        throw new RowException(field, "expected text or a list of {role, content} messages, got " + kind(v));
    }

    private static List<ChatMessage> messages(JsonNode list, String field) {
        if (list.isEmpty()) throw new RowException(field, "empty message list");
        List<ChatMessage> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode m = list.get(i);
            String where = "message " + (i + 1) + ": ";
            if (!m.isObject()) throw new RowException(field, where + "expected {role, content}, got " + kind(m));
            JsonNode role = m.get("role");
            JsonNode content = m.get("content");
            if (role == null || !role.isTextual() || !ROLES.contains(role.asText())) {
                throw new RowException(field, where + "role must be system, user or assistant, got " + (role == null ? "nothing" : role.toString()));
            }
            if (content == null || !content.isTextual()) {
                throw new RowException(field, where + "content must be text, got " + (content == null ? "nothing" : kind(content)));
            }
            out.add(new ChatMessage(role.asText(), content.asText()));
        }
        return out;
    }

    /**
     * Text, a number (as written in the file), or a list of those; empty when absent, blank or an empty list, so that
     * a blank target is refused as a missing one; a blank item in a list is refused.
     */
    static List<String> target(JsonNode v, String field, boolean fromText) {
        if (v == null || v.isNull()) return List.of();
        if (fromText && v.isTextual() && v.asText().strip().startsWith("[")) {
            JsonNode parsed = tryJson(v.asText());
            if (parsed != null && parsed.isArray()) return texts(parsed, field);
        }
        if (v.isArray()) return texts(v, field);
        if (v.isValueNode()) return v.asText().isBlank() ? List.of() : List.of(v.asText());
        throw new RowException(field, "expected text or a list of texts, got " + kind(v));
    }

    /** A list; in CSV also {@code A|B|C}. Empty when absent. */
    static List<String> choices(JsonNode v, String field, boolean fromText) {
        if (v == null || v.isNull()) return List.of();
        if (fromText && v.isTextual()) {
            String t = v.asText().strip();
            if (t.isEmpty()) return List.of();
            if (t.startsWith("[")) {
                JsonNode parsed = tryJson(t);
                if (parsed == null || !parsed.isArray()) throw new RowException(field, "starts with '[' but is not a JSON list");
                return texts(parsed, field);
            }
            List<String> out = new ArrayList<>();
            for (String c : t.split("\\|", -1)) {
                if (c.isBlank()) throw new RowException(field, "empty choice in '" + t + "'");
                out.add(c.strip());
            }
            return out;
        }
        if (v.isArray()) return texts(v, field);
        throw new RowException(field, "expected a list of choices, got " + kind(v));
    }

    static String id(JsonNode v, String field, int fallback) {
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) return Integer.toString(fallback);
        if (v.isTextual() || v.isIntegralNumber()) return v.asText().strip();
        throw new RowException(field, "expected text or an integer, got " + kind(v));
    }

    static String system(JsonNode v, String field) {
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) return null;
        if (v.isTextual()) return v.asText();
        throw new RowException(field, "expected text, got " + kind(v));
    }

    /** A JSON object (in CSV: its text); top-level null values are dropped. */
    static Map<String, Object> metadata(JsonNode v, String field, boolean fromText) {
        if (v == null || v.isNull()) return Map.of();
        JsonNode obj = v;
        if (fromText && v.isTextual()) {
            if (v.asText().isBlank()) return Map.of();
            obj = tryJson(v.asText());
            if (obj == null) throw new RowException(field, "not valid JSON");
        }
        if (!obj.isObject()) throw new RowException(field, "expected a JSON object, got " + kind(obj));
        Map<String, Object> out = new LinkedHashMap<>();
        obj.properties().forEach(e -> {
            if (!e.getValue().isNull()) out.put(e.getKey(), Mapper.MAPPER.convertValue(e.getValue(), Object.class));
        });
        return out;
    }

    private static List<String> texts(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : list) {
            if (!e.isValueNode() || e.isNull()) throw new RowException(field, "list items must be text or numbers, got " + kind(e));
            if (e.asText().isBlank()) throw new RowException(field, "item " + (out.size() + 1) + " is blank");
            out.add(e.asText());
        }
        return out;
    }

    /** The JSON value a CSV cell holds (read as a JSONL line is, so its numbers keep their written text), or null. */
    private static JsonNode tryJson(String text) {
        try {
            return JsonlReader.tree(text);
        } catch (JsonProcessingException e) {
            return null;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("reading a string cannot fail: " + e, e);
        }
    }

    static String kind(JsonNode v) {
        if (v == null || v.isNull()) return "null";
        if (v.isObject()) return "an object";
        if (v.isArray()) return "a list";
        if (v.isNumber()) return "a number";
        if (v.isBoolean()) return "a boolean";
        return "text";
    }
}
