package dev.arbiter.eval.task.mtbench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.task.JsonLines;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MT-Bench in FastChat's layout: {@code question.jsonl}, {@code judge_prompts.jsonl} and
 * {@code reference_answer/gpt-4.jsonl} (reference turns for the math, reasoning and coding questions).
 *
 * @param references question id → reference answer per turn
 */
public record MtBenchData(List<MtBenchQuestion> questions, Map<String, JudgeTemplate> judges, Map<Integer, List<String>> references) {
    public MtBenchData {
        questions = List.copyOf(questions);
        judges = Map.copyOf(judges);
        references = Map.copyOf(references);
    }

    /** Reads the three files from a FastChat {@code data/mt_bench}-style directory (judge prompts beside or above it). */
    public static MtBenchData loadDir(Path dir) {
        Path judges = dir.resolve("judge_prompts.jsonl");
        if (!judges.toFile().isFile() && dir.getParent() != null) judges = dir.getParent().resolve("judge_prompts.jsonl");
        return load(dir.resolve("question.jsonl"), judges, dir.resolve("reference_answer").resolve("gpt-4.jsonl"));
    }

    public static MtBenchData load(Path questionFile, Path judgeFile, Path referenceFile) {
        List<MtBenchQuestion> questions = new ArrayList<>();
        for (JsonLines.Row row : JsonLines.read(questionFile)) {
            List<String> turns = row.texts("turns");
            if (turns.size() != 2) throw row.error("field 'turns' must hold 2 user turns, got " + turns.size());
            questions.add(new MtBenchQuestion(row.integer("question_id"), row.text("category"), turns));
        }
        Map<String, JudgeTemplate> judges = new LinkedHashMap<>();
        for (JsonLines.Row row : JsonLines.read(judgeFile)) {
            JudgeTemplate t = new JudgeTemplate(row.text("name"), row.text("type"), row.text("system_prompt"),
                    row.text("prompt_template"), row.optionalText("category"), row.text("output_format"));
            judges.put(t.name(), t);
        }
        Map<Integer, List<String>> references = new LinkedHashMap<>();
        for (JsonLines.Row row : JsonLines.read(referenceFile)) {
            JsonNode choices = row.node().get("choices");
            if (choices == null || !choices.isArray() || choices.isEmpty() || !choices.get(0).has("turns")) {
                throw row.error("field 'choices' must be a non-empty array of {turns: [...]}");
            }
            List<String> turns = new ArrayList<>();
            for (JsonNode t : choices.get(0).get("turns")) turns.add(t.asText());
            references.put(row.integer("question_id"), turns);
        }
        for (String needed : List.of(MtBenchJudge.SINGLE, MtBenchJudge.SINGLE_MULTI, MtBenchJudge.MATH, MtBenchJudge.MATH_MULTI)) {
            if (!judges.containsKey(needed)) throw new InvalidInputException(judgeFile + ": no judge prompt named '" + needed + "'");
        }
        for (MtBenchQuestion q : questions) {
            if (MtBenchJudge.needsReference(q.category()) && !references.containsKey(q.id())) {
                throw new InvalidInputException(referenceFile + ": no reference answer for " + q.category() + " question " + q.id());
            }
        }
        return new MtBenchData(questions, judges, references);
    }
}
