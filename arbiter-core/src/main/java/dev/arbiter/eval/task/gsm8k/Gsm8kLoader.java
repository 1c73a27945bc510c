package dev.arbiter.eval.task.gsm8k;

import dev.arbiter.eval.task.JsonLines;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the openai/grade-school-math JSONL layout: {@code question}, {@code answer} (solution ending in {@code #### N}). */
public final class Gsm8kLoader {
    private Gsm8kLoader() {}

    public static List<Gsm8kProblem> load(Path file) {
        List<Gsm8kProblem> out = new ArrayList<>();
        for (JsonLines.Row row : JsonLines.read(file)) {
            String question = row.text("question");
            String solution = row.text("answer");
            int mark = solution.lastIndexOf("####");
            if (mark < 0) throw row.error("field 'answer' has no '#### <final answer>' line");
            String gold = NumberAnswer.normalise(solution.substring(mark + 4));
            if (gold == null) throw row.error("the final answer after '####' is not a number: " + solution.substring(mark + 4).strip());
            out.add(new Gsm8kProblem(out.size(), question, solution, gold));
        }
        return out;
    }
}
