package dev.arbiter.eval.task.vision;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.ImagePart;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.metrics.Accuracy;
import dev.arbiter.eval.solver.GenerateSolver;
import dev.arbiter.eval.task.DatasetCache;
import dev.arbiter.eval.task.MeanMetric;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * MMMU (validation split, 900 questions over 30 subjects), asked as the MMMU authors' evaluation asks it
 * (MMMU-Benchmark/MMMU {@code mmmu/configs/llava1.5.yaml} with {@code construct_prompt}): a multiple-choice question
 * is {@code question\n(A) option\n(B) option\n…Answer with the option's letter from the given choices directly.}, an
 * open one {@code question\nAnswer the question using a single word or phrase.}, greedy. The {@code <image k>}
 * placeholders stay in the text and the images follow it in the order the text first names them. Graded by
 * {@link MmmuAnswers} (the authors' parsing); metrics: {@code accuracy} (what the catalogue's MMMU figures are),
 * and the same per subject, per discipline (their six) and per question type.
 */
public final class MmmuTask {
    public static final String NAME = "mmmu";
    public static final int VERSION = 1;
    static final String MC_INSTRUCTION = "Answer with the option's letter from the given choices directly.";
    static final String OPEN_INSTRUCTION = "Answer the question using a single word or phrase.";
    /** Greedy as the authors run it; room for a sentence of reasoning, which the parsing reads past. */
    static final GenerationConfig CONFIG = GenerationConfig.DEFAULT.withMaxTokens(512);
    /** The authors' six disciplines (data_utils.py DOMAIN_CAT2SUB_CAT), keyed by subject. */
    static final Map<String, String> DISCIPLINE = disciplines();

    private MmmuTask() {}

    public static Task create(Path data) {
        if (data == null) {
            throw new InvalidInputException("mmmu needs --data: a JSON Lines export of MMMU/MMMU's validation split with the "
                    + "images as base64; in the folder huggingface-cli downloads, run: " + MmmuLoader.EXPORT);
        }
        List<Sample> samples = new ArrayList<>();
        TreeSet<String> subjects = new TreeSet<>(), disciplines = new TreeSet<>();
        for (MmmuLoader.Item item : MmmuLoader.load(data)) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("subject", item.subject());
            String discipline = DISCIPLINE.get(item.subject());
            if (discipline != null) meta.put("discipline", discipline);
            meta.put("question_type", item.multipleChoice() ? "multiple-choice" : "open");
            meta.put("image_sha256", item.images().stream().map(ImagePart::sha256).toList());
            samples.add(new Sample(item.id(), List.of(ChatMessage.user(prompt(item), item.images())), item.golds(),
                    item.multipleChoice() ? item.options() : List.of(), meta));
            subjects.add(item.subject());
            if (discipline != null) disciplines.add(discipline);
        }
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Accuracy());
        for (String s : subjects) metrics.add(MeanMetric.of("accuracy/subject/" + s).where("subject", s));
        for (String d : disciplines) metrics.add(MeanMetric.of("accuracy/discipline/" + d).where("discipline", d));
        for (String t : List.of("multiple-choice", "open")) metrics.add(MeanMetric.of("accuracy/question_type/" + t).where("question_type", t));
        String sha = Files.isRegularFile(data) ? DatasetCache.sha256(data) : null;
        return new Task(NAME, VERSION, new Dataset(NAME, data.toString(), sha, samples), new GenerateSolver(CONFIG),
                new MmmuScorer(), metrics, CONFIG);
    }

    /** The authors' prompt for one question (their llava1.5 config: no task instruction before it). */
    static String prompt(MmmuLoader.Item item) {
        if (!item.multipleChoice()) return item.question() + "\n" + OPEN_INSTRUCTION;
        StringBuilder b = new StringBuilder(item.question()).append('\n');
        for (int i = 0; i < item.options().size(); i++) b.append('(').append((char) ('A' + i)).append(") ").append(item.options().get(i)).append('\n');
        return b.append(MC_INSTRUCTION).toString();
    }

    private static Map<String, String> disciplines() {
        Map<String, List<String>> by = new LinkedHashMap<>();
        by.put("art_and_design", List.of("Art", "Art_Theory", "Design", "Music"));
        by.put("business", List.of("Accounting", "Economics", "Finance", "Manage", "Marketing"));
        by.put("science", List.of("Biology", "Chemistry", "Geography", "Math", "Physics"));
        by.put("health_and_medicine", List.of("Basic_Medical_Science", "Clinical_Medicine", "Diagnostics_and_Laboratory_Medicine", "Pharmacy", "Public_Health"));
        by.put("humanities_and_social_science", List.of("History", "Literature", "Sociology", "Psychology"));
        by.put("tech_and_engineering", List.of("Agriculture", "Architecture_and_Engineering", "Computer_Science", "Electronics",
                "Energy_and_Power", "Materials", "Mechanical_Engineering"));
        Map<String, String> out = new LinkedHashMap<>();
        by.forEach((d, subjects) -> subjects.forEach(s -> out.put(s, d)));
        return Map.copyOf(out);
    }
}
