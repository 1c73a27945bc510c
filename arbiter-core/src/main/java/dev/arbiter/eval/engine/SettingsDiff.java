package dev.arbiter.eval.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.arbiter.util.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of a settings key's parts ({@link SettingsKey#parts}) differ between a stored run and the one asked for, named
 * as the user set them ({@code --option template}, {@code --scorer-option ignore_case}, {@code generation max_tokens})
 * with both values: what a refused {@code --resume} says. The parts hold no secret: endpoints and judges are their
 * clients' descriptions (protocol, URL without credentials, model), never an API key or a header.
 */
final class SettingsDiff {
    /** Longest value shown, in characters: a --system message or a template can be long. */
    static final int MAX_VALUE_CHARS = 80;

    private SettingsDiff() {}

    /**
     * One line per differing setting, {@code NAME (that run: X; now: Y)}, in the key's order. Parts {@code stored}
     * lacks are not compared (a manifest holds no digest of the questions): when only those can differ, the list says
     * so in their place.
     */
    static List<String> between(Map<String, Object> stored, Map<String, Object> now) {
        List<String> out = new ArrayList<>();
        JsonNode a = Json.mapper().valueToTree(stored);
        JsonNode b = Json.mapper().valueToTree(now);
        for (String part : union(a, b)) {
            if (part.equals("questions") && !a.has(part)) continue;
            compare(part, a.path(part), b.path(part), out);
        }
        if (out.isEmpty() && b.has("questions")) {
            out.add("the questions asked (the rows selected from the data, or the prompts the task builds from them:"
                    + " --subject, --language, --shots)");
        }
        return out;
    }

    private static void compare(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a.equals(b)) return;
        if (a.isObject() && b.isObject() || a.isObject() && b.isMissingNode() || a.isMissingNode() && b.isObject()) {
            for (String field : union(a, b)) {
                compare(path + "\u0000" + field, a.path(field), b.path(field), out);
            }
            return;
        }
        out.add(label(path) + " (that run: " + value(a) + "; now: " + value(b) + ")");
    }

    private static Set<String> union(JsonNode a, JsonNode b) {
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<String> i = a.fieldNames(); i.hasNext(); ) names.add(i.next());
        for (Iterator<String> i = b.fieldNames(); i.hasNext(); ) names.add(i.next());
        return names;
    }

    /** A part's path (names joined by NUL: option keys hold dots) as the flag or field a user knows it by. */
    static String label(String path) {
        String[] p = path.split("\u0000", 3);
        String top = p[0];
        if (p.length == 1) {
            return switch (top) {
                case "version" -> "task version";
                case "dataset_sha256" -> "dataset (sha256)";
                case "seed", "limit", "epochs", "scorer", "model" -> "--" + top;
                default -> top;
            };
        }
        if (top.equals("generation")) return "generation " + p[1];
        if (top.equals("setting")) {
            return switch (p[1]) {
                case "harness", "shots", "system", "context" -> "--" + p[1];
                case "overridden" -> "generation flags given";
                case "judge" -> "judge (--judge-endpoint, --judge-model)";
                case "options" -> p.length < 3 ? "options" : option(p[2]);
                default -> "setting " + p[1];
            };
        }
        return String.join(" ", p);
    }

    private static String option(String key) {
        if (key.startsWith("scorer.")) return "--scorer-option " + key.substring("scorer.".length());
        if (key.startsWith("field.")) return "--field " + key.substring("field.".length());
        if (key.equals("skip_invalid")) return "--skip-invalid";
        return "--option " + key;
    }

    private static String value(JsonNode v) {
        if (v == null || v instanceof MissingNode || v.isNull()) return "not set";
        String s = v.isTextual() ? '"' + v.asText() + '"' : v.toString();
        return s.length() <= MAX_VALUE_CHARS ? s : s.substring(0, MAX_VALUE_CHARS - 1) + "…";
    }
}
