package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.util.Json;

import java.io.PrintWriter;

/** Every JSON document a command prints: one object, snake_case keys, {@code schema_version} first. */
public final class JsonOut {
    public static final int SCHEMA_VERSION = 1;

    private JsonOut() {}

    /** Prints {@code body} (a record, map or node that serialises to an object) with {@code schema_version} added. */
    public static void print(PrintWriter out, String kind, Object body) {
        out.println(Json.write(envelope(kind, body)));
        out.flush();
    }

    public static ObjectNode envelope(String kind, Object body) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("kind", kind);
        JsonNode node = Json.mapper().valueToTree(body);
        if (!(node instanceof ObjectNode obj)) {
            throw new IllegalStateException(kind + " did not serialise to an object");
        }
        root.setAll(obj);
        return root;
    }

    /**
     * An object with these fields in this order ({@code name, value, name, value...}): Map.of's order changes from one
     * JVM to the next, and the same command should print the same document.
     */
    public static java.util.Map<String, Object> fields(Object... nameValue) {
        if (nameValue.length % 2 != 0) throw new IllegalArgumentException("fields come in name, value pairs");
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) m.put((String) nameValue[i], nameValue[i + 1]);
        return m;
    }
}
