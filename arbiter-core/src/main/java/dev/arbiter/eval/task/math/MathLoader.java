package dev.arbiter.eval.task.math;

import dev.arbiter.eval.task.JsonLines;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads MATH JSONL in either layout: MATH-500 ({@code problem, solution, answer, subject, level: int, unique_id}) or
 * the full 5000-problem repackaging ({@code problem, solution, type, level: "Level 3", idx}; no answer field, so the
 * reference answer is the last boxed value of the solution). Level "?" (a few full-split rows) becomes 0.
 */
public final class MathLoader {
    private MathLoader() {}

    public static List<MathProblem> load(Path file) {
        List<MathProblem> out = new ArrayList<>();
        for (JsonLines.Row row : JsonLines.read(file)) {
            String problem = row.text("problem");
            String solution = row.node().has("solution") ? row.text("solution") : "";
            String answer = row.optionalText("answer");
            if (answer == null) {
                answer = Boxed.last(solution);
                if (answer == null) throw row.error("no field 'answer' and no \\boxed{...} in field 'solution'");
            }
            String subject = row.optionalText("subject");
            if (subject == null) subject = row.optionalText("type");
            if (subject == null) throw row.error("missing field 'subject' (or 'type')");
            String id = row.optionalText("unique_id");
            if (id == null) id = row.optionalText("idx");
            if (id == null) id = String.valueOf(out.size());
            out.add(new MathProblem(id, problem, solution, answer, subject, level(row)));
        }
        return out;
    }

    private static int level(JsonLines.Row row) {
        String raw = row.optionalText("level");
        if (raw == null) return 0;
        String digits = raw.replace("Level", "").strip();
        if (digits.equals("?")) return 0;
        try {
            int level = Integer.parseInt(digits);
            if (level < 1 || level > 5) throw row.error("field 'level' must be 1..5, got " + raw);
            return level;
        } catch (NumberFormatException e) {
            throw row.error("field 'level' must be 1..5 or \"Level N\", got " + raw);
        }
    }
}
