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
import dev.arbiter.eval.task.mmlupro.AnswerIsExtractor;
import dev.arbiter.eval.task.mmlupro.MmluProPrompt;
import dev.arbiter.eval.task.mmlupro.MmluProQuestion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * MMLU-Pro (Wang et al. 2024): 12,032 ten-option questions in 14 categories, asked as its authors' API evaluation
 * does — their system message, 5-shot chain of thought from the validation split of the question's category,
 * temperature 0, up to 4,000 new tokens — and graded by their three-stage extraction ({@link AnswerIsExtractor}).
 * The figures vendors publish (Qwen2.5, DeepSeek-V3, Llama 4) are this 5-shot CoT setting. Data: the test split as
 * JSONL/JSON/CSV exported from TIGER-Lab/MMLU-Pro ({@code --data}); shots from the validation split ({@code --option
 * dev=PATH}, required unless {@code --shots 0}). Metrics: accuracy, macro accuracy over categories, each category.
 */
public final class MmluProTask {
    public static final String NAME = "mmlu_pro";
    public static final int VERSION = 1;
    public static final int DEFAULT_SHOTS = 5;
    /** evaluate_from_api.py: temperature 0, max_tokens 4000. */
    static final GenerationConfig CONFIG = GenerationConfig.DEFAULT.withMaxTokens(4000);

    public record Options(Path data, Path dev, int shots, List<String> categories, GenerationConfig config) {
        public Options {
            if (data == null) throw new InvalidInputException("mmlu_pro needs --data: the test split exported from TIGER-Lab/MMLU-Pro as JSONL, JSON or CSV");
            if (shots < 0 || shots > 5) throw new InvalidInputException("--shots for mmlu_pro must be 0 to 5 (the validation split has 5 per category), got " + shots);
            if (shots > 0 && dev == null) {
                throw new InvalidInputException("mmlu_pro with --shots " + shots + " needs the validation split: --option dev=PATH (or --shots 0)");
            }
            categories = categories == null ? List.of() : List.copyOf(categories);
            config = config == null ? CONFIG : config;
        }
    }

    private MmluProTask() {}

    public static List<MmluProQuestion> load(Path file) {
        List<MmluProQuestion> out = new ArrayList<>();
        for (JsonLines.Row r : BenchmarkRows.read(file)) {
            List<String> options = options(r);
            String id = r.optionalText("question_id");
            int answer = answerIndex(r, options.size());
            try {
                out.add(new MmluProQuestion(id == null ? Integer.toString(out.size()) : id, r.text("question"), options, answer,
                        r.optionalText("cot_content"), r.text("category")));
            } catch (IllegalArgumentException e) {
                throw r.error(e.getMessage());
            }
        }
        return out;
    }

    /** {@code options}: a JSON array, or (CSV) a JSON array written as text. */
    private static List<String> options(JsonLines.Row r) {
        JsonNode v = r.node().get("options");
        if (v != null && v.isTextual()) {
            try {
                v = new com.fasterxml.jackson.databind.ObjectMapper().readTree(v.asText());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw r.error("field 'options' must be a JSON array of strings");
            }
        }
        if (v == null || !v.isArray()) throw r.error("field 'options' must be an array of strings");
        List<String> out = new ArrayList<>();
        v.forEach(o -> out.add(o.asText()));
        return out;
    }

    /** {@code answer_index}, else the {@code answer} letter; both present must agree. */
    private static int answerIndex(JsonLines.Row r, int n) {
        String letter = r.optionalText("answer");
        String index = r.optionalText("answer_index");
        Integer fromLetter = letter == null ? null : letterIndex(letter.strip(), r);
        Integer fromIndex = null;
        if (index != null) {
            try {
                fromIndex = Integer.parseInt(index.strip());
            } catch (NumberFormatException e) {
                throw r.error("field 'answer_index' must be an integer, got " + index);
            }
        }
        if (fromLetter == null && fromIndex == null) throw r.error("missing field 'answer' (a letter A–J) or 'answer_index'");
        if (fromLetter != null && fromIndex != null && !fromLetter.equals(fromIndex)) {
            throw r.error("'answer' " + letter + " and 'answer_index' " + index + " disagree");
        }
        return fromIndex != null ? fromIndex : fromLetter;
    }

    private static int letterIndex(String letter, JsonLines.Row r) {
        if (letter.length() != 1 || MmluProQuestion.LETTERS.indexOf(letter.charAt(0)) < 0) throw r.error("field 'answer' must be a letter A–J, got " + letter);
        return MmluProQuestion.LETTERS.indexOf(letter.charAt(0));
    }

    public static Task create(Options o) {
        List<MmluProQuestion> test = load(o.data());
        Map<String, List<MmluProQuestion>> shots = new LinkedHashMap<>();
        if (o.shots() > 0) for (MmluProQuestion q : load(o.dev())) shots.computeIfAbsent(q.category(), k -> new ArrayList<>()).add(q);
        Set<String> wanted = new TreeSet<>(o.categories());
        List<Sample> samples = new ArrayList<>();
        Set<String> categories = new TreeSet<>();
        for (MmluProQuestion q : test) {
            if (!wanted.isEmpty() && !wanted.contains(q.category())) continue;
            List<MmluProQuestion> pool = shots.getOrDefault(q.category(), List.of());
            if (pool.size() < o.shots()) {
                throw new InvalidInputException("category '" + q.category() + "' has " + pool.size() + " validation questions in "
                        + o.dev() + ", " + o.shots() + " shots asked");
            }
            String prompt = MmluProPrompt.build(q, pool.subList(0, o.shots()));
            samples.add(new Sample(q.id(), List.of(ChatMessage.system(MmluProPrompt.SYSTEM), ChatMessage.user(prompt)),
                    List.of(q.answerLetter()), q.options(), Map.of("category", q.category())));
            categories.add(q.category());
        }
        if (samples.isEmpty()) throw new InvalidInputException("no mmlu_pro questions left after --subject " + o.categories() + " in " + o.data());
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Accuracy());
        metrics.add(new MacroMeanMetric("macro_accuracy", "category"));
        for (String c : categories) metrics.add(MeanMetric.of("category/" + c).where("category", c));
        String sha = Files.isRegularFile(o.data()) ? DatasetCache.sha256(o.data()) : null;
        return new Task(NAME, VERSION, new Dataset(NAME, o.data().toString(), sha, samples), new GenerateSolver(o.config()),
                new LetterScorer("mmlu_pro_answer_is", AnswerIsExtractor::extract, List.of("category")), metrics, o.config());
    }
}
