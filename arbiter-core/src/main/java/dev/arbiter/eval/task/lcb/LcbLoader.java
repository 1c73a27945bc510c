package dev.arbiter.eval.task.lcb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.eval.task.BenchmarkRows;
import dev.arbiter.eval.task.JsonLines;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * LiveCodeBench's code-generation files (livecodebench/code_generation_lite test*.jsonl): question_id,
 * question_title, question_content, platform, contest_date, difficulty, starter_code, public_test_cases (JSON text),
 * private_test_cases (JSON text or LiveCodeBench's compressed form, see {@link PrivateTests}) and metadata (JSON text
 * with the LeetCode {@code func_name}).
 */
public final class LcbLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LcbLoader() {}

    public static List<LcbProblem> load(Path data) {
        List<LcbProblem> out = new ArrayList<>();
        for (JsonLines.Row r : BenchmarkRows.read(data)) {
            List<LcbTestCase> tests = new ArrayList<>(tests(r, "public_test_cases", r.optionalText("public_test_cases")));
            String priv = r.optionalText("private_test_cases");
            if (priv != null && !priv.isBlank()) {
                String json;
                try {
                    json = PrivateTests.decode(priv);
                } catch (IllegalArgumentException e) {
                    throw r.error("field 'private_test_cases': " + e.getMessage());
                }
                tests.addAll(tests(r, "private_test_cases", json));
            }
            String funcName = null;
            String meta = r.optionalText("metadata");
            if (meta != null && !meta.isBlank()) {
                JsonNode m = parse(r, "metadata", meta);
                if (m.hasNonNull("func_name")) funcName = m.get("func_name").asText();
            }
            String date = r.optionalText("contest_date");
            LocalDate day;
            try {
                day = date == null ? null : LocalDate.parse(date.length() >= 10 ? date.substring(0, 10) : date);
            } catch (java.time.format.DateTimeParseException e) {
                throw r.error("field 'contest_date' must be a date like 2024-08-17, got " + date);
            }
            try {
                LcbProblem p = new LcbProblem(r.text("question_id"), r.optionalText("question_title"), r.text("question_content"),
                        r.optionalText("platform"), day, r.optionalText("difficulty"), r.optionalText("starter_code"), funcName, tests);
                if (p.functional() && funcName == null) throw r.error("functional tests need metadata.func_name");
                out.add(p);
            } catch (IllegalArgumentException e) {
                throw r.error(e.getMessage());
            }
        }
        return out;
    }

    private static List<LcbTestCase> tests(JsonLines.Row r, String field, String json) {
        if (json == null || json.isBlank()) return List.of();
        JsonNode arr = parse(r, field, json);
        if (!arr.isArray()) throw r.error("field '" + field + "' must be a JSON list of {input, output, testtype}");
        List<LcbTestCase> out = new ArrayList<>();
        for (JsonNode t : arr) {
            try {
                out.add(new LcbTestCase(t.path("input").asText(null), t.path("output").asText(null), t.path("testtype").asText(null)));
            } catch (IllegalArgumentException e) {
                throw r.error("field '" + field + "': " + e.getMessage());
            }
        }
        return out;
    }

    private static JsonNode parse(JsonLines.Row r, String field, String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw r.error("field '" + field + "' is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
