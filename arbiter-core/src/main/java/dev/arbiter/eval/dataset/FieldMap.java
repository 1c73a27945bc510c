package dev.arbiter.eval.dataset;

import dev.arbiter.error.InvalidInputException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which column (CSV) or key (JSONL) holds each sample field; {@code --field input=question --field target=answer}.
 * {@code input} and {@code target} are read from every row; the others are optional.
 */
public record FieldMap(String input, String target, String id, String choices, String system, String metadata) {
    public static final FieldMap DEFAULT = new FieldMap("input", "target", "id", "choices", "system", "metadata");
    private static final Set<String> FIELDS = Set.of("input", "target", "id", "choices", "system", "metadata");

    public FieldMap {
        require(input, "input");
        require(target, "target");
        require(id, "id");
        require(choices, "choices");
        require(system, "system");
        require(metadata, "metadata");
    }

    /** DEFAULT with {@code field=column} overrides, e.g. {@code ["input=question", "target=answer"]}. */
    public static FieldMap parse(List<String> specs) {
        Map<String, String> m = new HashMap<>();
        for (String f : FIELDS) m.put(f, f);
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new InvalidInputException("--field " + spec + ": expected FIELD=COLUMN, e.g. input=question");
            }
            String field = spec.substring(0, eq).strip();
            if (!FIELDS.contains(field)) {
                throw new InvalidInputException("--field " + spec + ": unknown field '" + field + "' (expected one of id, input, target, choices, system, metadata)");
            }
            m.put(field, spec.substring(eq + 1).strip());
        }
        return new FieldMap(m.get("input"), m.get("target"), m.get("id"), m.get("choices"), m.get("system"), m.get("metadata"));
    }

    private static void require(String column, String field) {
        if (column == null || column.isBlank()) throw new InvalidInputException("field map: no column given for " + field);
    }
}
