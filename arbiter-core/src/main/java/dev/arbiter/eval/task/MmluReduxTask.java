package dev.arbiter.eval.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.metrics.Accuracy;
import dev.arbiter.eval.solver.GenerateSolver;
import dev.arbiter.eval.task.mmlu.MmluPrompt;
import dev.arbiter.eval.task.mmlu.MmluQuestion;
import dev.arbiter.eval.task.mmlu.MmluScorer;
import dev.arbiter.eval.task.mmlu.MmluTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * MMLU-Redux (Gema et al. 2024; edinburgh-dawg/mmlu-redux and -2.0): MMLU questions re-annotated by experts, each
 * with an {@code error_type}. As its authors do, questions annotated {@code ok} are kept, {@code wrong_groundtruth}
 * ones are re-labelled with the annotators' {@code correct_answer} when it names one of the choices, and the rest
 * (no correct answer, several, unclear question or options, expert) are left out; {@code --option labels=ok} keeps
 * only the {@code ok} ones. Asked zero-shot with MMLU's prompt and graded by MMLU's letter extraction. Data: the
 * per-subject exports (JSONL/JSON/CSV) in one folder, the subject taken from a {@code subject} field or the file
 * name. The manifest's dataset line says how many questions each rule kept, re-labelled and dropped.
 */
public final class MmluReduxTask {
    public static final String NAME = "mmlu_redux";
    public static final int VERSION = 1;

    public enum Labels { CORRECTED, OK }

    private MmluReduxTask() {}

    public static Task create(java.nio.file.Path data, Labels labels, List<String> subjects, GenerationConfig config) {
        if (data == null) throw new InvalidInputException("mmlu_redux needs --data: a folder of per-subject exports of edinburgh-dawg/mmlu-redux-2.0");
        GenerationConfig c = config == null ? GenerationConfig.DEFAULT : config;
        MmluTemplate template = MmluTemplate.forLanguage("en");
        java.util.Set<String> wanted = new TreeSet<>(subjects == null ? List.of() : subjects);
        List<Sample> samples = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        Map<String, Integer> counts = new LinkedHashMap<>(Map.of("kept", 0, "relabelled", 0, "dropped", 0));
        Map<String, Integer> perSubject = new LinkedHashMap<>();
        for (JsonLines.Row r : BenchmarkRows.read(data)) {
            String subject = r.optionalText("subject");
            if (subject == null) subject = subjectFromFile(r.file());
            if (!wanted.isEmpty() && !wanted.contains(subject)) continue;
            List<String> choices = choices(r);
            int answer = index(r, r.optionalText("answer"), choices.size(), "answer");
            String error = r.optionalText("error_type");
            error = error == null ? "ok" : error.strip().toLowerCase(Locale.ROOT);
            if (!error.equals("ok")) {
                if (labels == Labels.OK || !error.equals("wrong_groundtruth")) {
                    counts.merge("dropped", 1, Integer::sum);
                    continue;
                }
                String corrected = r.optionalText("correct_answer");
                Integer fixed = corrected == null ? null : tryIndex(corrected, choices.size());
                if (fixed == null) {
                    counts.merge("dropped", 1, Integer::sum);
                    continue;
                }
                answer = fixed;
                counts.merge("relabelled", 1, Integer::sum);
            } else {
                counts.merge("kept", 1, Integer::sum);
            }
            int n = perSubject.merge(subject, 1, Integer::sum) - 1;
            MmluQuestion q;
            try {
                q = new MmluQuestion(subject, n, r.text("question"), choices, answer);
            } catch (IllegalArgumentException e) {
                throw r.error(e.getMessage());
            }
            samples.add(new Sample(q.id(), List.of(ChatMessage.user(MmluPrompt.build(template, q, List.of()))),
                    List.of(q.answerLetter()), q.choices(), Map.of("subject", subject, "error_type", error)));
            seen.add(subject);
        }
        if (samples.isEmpty()) throw new InvalidInputException(data + ": no MMLU-Redux questions left to ask (" + counts + ")");
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Accuracy());
        metrics.add(new MacroMeanMetric("macro_accuracy", "subject"));
        for (String s : seen) metrics.add(MeanMetric.of("subject/" + s).where("subject", s));
        String where = data + " (labels " + labels.name().toLowerCase(Locale.ROOT) + ": " + counts + ")";
        return new Task(NAME, VERSION, new Dataset(NAME, where, null, samples), new GenerateSolver(c),
                new MmluScorer(MmluScorer.Mode.GENERATE), metrics, c);
    }

    static String subjectFromFile(java.nio.file.Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return (dot < 0 ? name : name.substring(0, dot)).replaceAll("[-_](test|validation|dev)$", "");
    }

    private static List<String> choices(JsonLines.Row r) {
        JsonNode v = r.node().get("choices");
        if (v != null && v.isTextual()) {
            try {
                v = new com.fasterxml.jackson.databind.ObjectMapper().readTree(v.asText());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw r.error("field 'choices' must be a JSON array of strings");
            }
        }
        if (v == null || !v.isArray()) throw r.error("field 'choices' must be an array of strings");
        List<String> out = new ArrayList<>();
        v.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static int index(JsonLines.Row r, String v, int n, String field) {
        Integer i = v == null ? null : tryIndex(v, n);
        if (i == null) throw r.error("field '" + field + "' must be a choice index 0–" + (n - 1) + " or a letter, got " + v);
        return i;
    }

    /** "2", "C" or "(C)" → 2; null when it names no choice. */
    static Integer tryIndex(String v, int n) {
        String s = v.strip().replace("(", "").replace(")", "");
        if (s.matches("\\d+")) {
            int i = Integer.parseInt(s);
            return i < n ? i : null;
        }
        if (s.length() == 1 && Character.isLetter(s.charAt(0))) {
            int i = Character.toUpperCase(s.charAt(0)) - 'A';
            return i >= 0 && i < n ? i : null;
        }
        return null;
    }
}
