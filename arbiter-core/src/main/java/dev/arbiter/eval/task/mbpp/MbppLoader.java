package dev.arbiter.eval.task.mbpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.eval.task.BenchmarkRows;
import dev.arbiter.eval.task.JsonLines;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MBPP in its published layouts: the original {@code mbpp.jsonl} (text, code, task_id, test_setup_code, test_list),
 * the sanitized JSON (prompt, test_imports, test_list) and EvalPlus's MBPP+ (adds entry_point and the hidden
 * {@code test}); CSV exports with list fields written as JSON text work too.
 */
public final class MbppLoader {
    private static final Pattern DEF = Pattern.compile("(?m)^\\s*def\\s+([A-Za-z_]\\w*)\\s*\\(");
    private static final ObjectMapper JSON = new ObjectMapper();

    private MbppLoader() {}

    public static List<MbppProblem> load(Path file) {
        List<MbppProblem> out = new ArrayList<>();
        for (JsonLines.Row r : BenchmarkRows.read(file)) {
            String id = r.optionalText("task_id");
            if (id == null) throw r.error("missing field 'task_id'");
            String text = r.optionalText("text") != null ? r.optionalText("text") : r.optionalText("prompt");
            if (text == null) throw r.error("missing field 'text' (or 'prompt')");
            List<String> tests = list(r, "test_list");
            String setup = String.join("\n", r.node().has("test_imports") ? list(r, "test_imports") : List.of());
            String setupCode = r.optionalText("test_setup_code");
            if (setupCode != null && !setupCode.isBlank()) setup = setup.isEmpty() ? setupCode : setup + "\n" + setupCode;
            String entry = r.optionalText("entry_point");
            if (entry == null) entry = entryPoint(r.optionalText("code"), tests);
            String hidden = r.optionalText("test");
            try {
                out.add(new MbppProblem(id, text, entry, tests, setup, hidden == null || hidden.isBlank() ? null : hidden));
            } catch (IllegalArgumentException e) {
                throw r.error(e.getMessage());
            }
        }
        return out;
    }

    /** The reference code's function that the first test calls (MBPP names it nowhere else). */
    static String entryPoint(String code, List<String> tests) {
        if (code == null || tests.isEmpty()) return null;
        Set<String> defined = new LinkedHashSet<>();
        Matcher m = DEF.matcher(code);
        while (m.find()) defined.add(m.group(1));
        for (String name : defined) {
            if (Pattern.compile("\\b" + Pattern.quote(name) + "\\s*\\(").matcher(tests.get(0)).find()) return name;
        }
        return null;
    }

    private static List<String> list(JsonLines.Row r, String field) {
        JsonNode v = r.node().get(field);
        if (v != null && v.isTextual()) {
            try {
                v = JSON.readTree(v.asText());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw r.error("field '" + field + "' must be a list of strings (JSON text in CSV)");
            }
        }
        if (v == null || !v.isArray()) throw r.error("field '" + field + "' must be a list of strings");
        List<String> out = new ArrayList<>();
        v.forEach(x -> out.add(x.asText()));
        return out;
    }
}
