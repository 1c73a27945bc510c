package dev.arbiter.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Finds a field a catalogue entry spells in a way no record component accepts ({@code contex_length}), before binding:
 * a misspelt key would otherwise be dropped and reported later as a missing value.
 */
final class UnknownFields {
    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private UnknownFields() {}

    /** The first unknown field as "path: unknown field 'x'; did you mean y?", or empty. */
    static Optional<String> find(JsonNode node, Class<?> type) {
        return find(node, type, "");
    }

    private static Optional<String> find(JsonNode node, Class<?> type, String prefix) {
        if (!type.isRecord() || node == null || !node.isObject()) return Optional.empty();
        List<String> known = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) known.add(SNAKE.translate(c.getName()));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                return Optional.of("unknown field '" + prefix + f + "'" + Suggest.nearest(f, known)
                        + " (known: " + String.join(", ", known) + ")");
            }
        }
        for (RecordComponent c : type.getRecordComponents()) {
            JsonNode child = node.get(SNAKE.translate(c.getName()));
            if (child == null) continue;
            String path = prefix + SNAKE.translate(c.getName());
            if (c.getType().isRecord()) {
                Optional<String> r = find(child, c.getType(), path + ".");
                if (r.isPresent()) return r;
            } else if (List.class.isAssignableFrom(c.getType()) && child.isArray()) {
                Type t = c.getGenericType();
                if (t instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> el && el.isRecord()) {
                    for (int i = 0; i < child.size(); i++) {
                        Optional<String> r = find(child.get(i), el, path + "[" + i + "].");
                        if (r.isPresent()) return r;
                    }
                }
            }
        }
        return Optional.empty();
    }
}
