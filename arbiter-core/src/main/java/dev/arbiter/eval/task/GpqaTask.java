package dev.arbiter.eval.task;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.harness.lmeval.PythonRandom;
import dev.arbiter.eval.metrics.Accuracy;
import dev.arbiter.eval.solver.GenerateSolver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPQA (Rein et al. 2023), main, diamond or extended — whichever CSV {@code --data} names (idavidrein/gpqa's
 * {@code gpqa_main.csv}, {@code gpqa_diamond.csv}; the authors ask that the questions not be published, so Arbiter
 * ships none and tests use invented rows). Zero-shot chain of thought with simple-evals' prompt
 * (QUERY_TEMPLATE_MULTICHOICE) and its extraction ({@code (?i)Answer[ \t]*:[ \t]*\$?([A-D])\$?}, first match). The four
 * answers are ordered as simple-evals orders them: question i (in the file's order) takes the i-th
 * {@code random.Random(seed).sample(range(4), 4)} (gpqa_eval.py, seed 0 there and by default here; CPython's
 * Mersenne Twister and sample() reproduced by {@link PythonRandom}), so each prompt is simple-evals' byte for byte;
 * each sample records its permutation. {@code --epochs 10} stands for simple-evals' ten repeats, with one difference:
 * simple-evals draws a new order for each repeat, the epochs here ask the first repeat's order again.
 */
public final class GpqaTask {
    public static final String NAME = "gpqa";
    /** 2: the answers in simple-evals' order (Python's Random(seed)), not a Java shuffle. */
    public static final int VERSION = 2;
    static final String TEMPLATE = "Answer the following multiple choice question. The last line of your response should be "
            + "of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of ABCD. Think step by step "
            + "before answering.\n\n%s\n\nA) %s\nB) %s\nC) %s\nD) %s";
    static final Pattern ANSWER = Pattern.compile("(?i)Answer[ \\t]*:[ \\t]*\\$?([A-D])\\$?");
    /** simple-evals samples GPQA at its sampler's defaults; 0 here for repeatable single runs, 4,096 tokens for the reasoning. */
    static final GenerationConfig CONFIG = GenerationConfig.DEFAULT.withMaxTokens(4096);

    private GpqaTask() {}

    /**
     * The letter as written: {@code (?i)} also lets "Answer: d" match, and simple-evals compares {@code match.group(1)}
     * with the upper-case correct letter as it is, so a lower-case letter scores 0 there and here.
     */
    public static String extract(String text) {
        Matcher m = ANSWER.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    public static Task create(Path data, long seed, GenerationConfig config) {
        if (data == null) {
            throw new InvalidInputException("gpqa needs --data with your copy of gpqa_main.csv or gpqa_diamond.csv (from the "
                    + "password-protected zip at github.com/idavidrein/gpqa; Arbiter does not ship or download it)");
        }
        if (seed < 0 || seed > 0xffffffffL) {
            throw new InvalidInputException("gpqa --seed must be in [0, 4294967295] (it seeds simple-evals' answer order), got " + seed);
        }
        GenerationConfig c = config == null ? CONFIG : config;
        // one stream over the whole file, in order, as simple-evals draws it: --limit and resume select from these
        PythonRandom order = new PythonRandom(seed);
        List<Sample> samples = new ArrayList<>();
        TreeSet<String> domains = new TreeSet<>();
        int index = 0;
        for (JsonLines.Row r : BenchmarkRows.read(data)) {
            String correct = r.text("Correct Answer").strip();
            List<String> answers = new ArrayList<>(List.of(correct, r.text("Incorrect Answer 1").strip(),
                    r.text("Incorrect Answer 2").strip(), r.text("Incorrect Answer 3").strip()));
            List<Integer> permutation = java.util.Arrays.stream(order.sample(4, 4)).boxed().toList();
            List<String> shown = permutation.stream().map(answers::get).toList();
            String letter = String.valueOf("ABCD".charAt(permutation.indexOf(0)));
            String prompt = String.format(java.util.Locale.US, TEMPLATE, r.text("Question").strip(), shown.get(0), shown.get(1), shown.get(2), shown.get(3));
            String id = r.optionalText("Record ID");
            String domain = r.optionalText("High-level domain");
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("domain", domain == null ? "unknown" : domain);
            meta.put("permutation", permutation);
            samples.add(new Sample(id == null || id.isBlank() ? Integer.toString(index) : id, List.of(ChatMessage.user(prompt)),
                    List.of(letter), shown, meta));
            domains.add(domain == null ? "unknown" : domain);
            index++;
        }
        if (samples.isEmpty()) throw new InvalidInputException(data + ": no GPQA rows");
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Accuracy());
        for (String d : domains) metrics.add(MeanMetric.of("domain/" + d).where("domain", d));
        String sha = Files.isRegularFile(data) ? DatasetCache.sha256(data) : null;
        return new Task(NAME, VERSION, new Dataset(NAME, data + " (seed " + seed + ")", sha, samples), new GenerateSolver(c),
                new LetterScorer("gpqa_answer", GpqaTask::extract, List.of("domain")), metrics, c);
    }
}
