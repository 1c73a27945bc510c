package dev.arbiter.eval.task;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.metrics.Accuracy;
import dev.arbiter.eval.solver.GenerateSolver;
import dev.arbiter.eval.task.mmlu.MmluLoader;
import dev.arbiter.eval.task.mmlu.MmluPrompt;
import dev.arbiter.eval.task.mmlu.MmluQuestion;
import dev.arbiter.eval.task.mmlu.MmluScorer;
import dev.arbiter.eval.task.mmlu.MmluTemplate;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * MMLU (Hendrycks et al. 2021) in any language with a {@link MmluTemplate}: 0- to 5-shot (shots are the first k
 * questions of the subject's dev split, as the original harness), scored by generating and extracting a letter or by
 * the first token's logprobs. Metrics: {@code accuracy} (micro, over questions), {@code macro_accuracy} (mean of
 * subject accuracies) and {@code subject/<name>}.
 */
public final class MmluTask {
    public static final String NAME = "mmlu";
    /** Bump when prompts, extraction or scoring change. */
    public static final int VERSION = 1;
    /** Most servers cap top_logprobs at 20 (OpenAI's limit); at least 5 are needed to see every option letter. */
    public static final int DEFAULT_TOP_LOGPROBS = 20;
    /** English MMLU test split as one CSV (header ,Question,A,B,C,D,Answer,Subject), used by openai/simple-evals. */
    public static final DatasetCache.Source ENGLISH = new DatasetCache.Source("mmlu", "mmlu.csv",
            URI.create("https://openaipublic.blob.core.windows.net/simple-evals/mmlu.csv"), null);

    /**
     * @param data        Hendrycks {@code data/} dir, an MMMLU-style CSV or a JSONL file; null → download the
     *                    language's canonical test CSV ({@link #ENGLISH}, else openai/MMMLU), which has no dev split
     * @param dev         where the shots come from when {@code data} has no dev split (a dir, CSV or JSONL); may be null
     * @param language    template key ({@code en}, {@code fr}, …); null → en
     * @param shots       0..5
     * @param subjects    only these subjects; empty → all in the data
     * @param topLogprobs alternatives asked for in logprob mode (5..20 typical)
     */
    public record Options(Path data, Path dev, String language, int shots, MmluScorer.Mode mode, List<String> subjects,
                          int topLogprobs, GenerationConfig config, DatasetCache cache) {
        public Options {
            if (language == null) language = "en";
            if (shots < 0 || shots > 5) throw new InvalidInputException("--shots must be 0..5 for MMLU, got " + shots);
            if (mode == null) mode = MmluScorer.Mode.GENERATE;
            subjects = subjects == null ? List.of() : List.copyOf(subjects);
            if (topLogprobs == 0) topLogprobs = DEFAULT_TOP_LOGPROBS;
            if (mode == MmluScorer.Mode.LOGPROB && topLogprobs < 5) throw new InvalidInputException("--top-logprobs must be >= 5 for MMLU logprob scoring, got " + topLogprobs);
            if (config == null) config = GenerationConfig.DEFAULT;
        }
    }

    private MmluTask() {}

    public static Task create(Options o) {
        MmluTemplate template = MmluTemplate.forLanguage(o.language());
        Path devPath = o.shots() == 0 ? null : devSource(o);
        Path data = o.data() != null ? o.data() : download(template, o.cache());
        List<MmluQuestion> test = filter(MmluLoader.load(data, "test"), o.subjects(), data);
        Map<String, List<MmluQuestion>> dev = devPath == null ? Map.of() : bySubject(MmluLoader.load(devPath, "dev"));
        List<Sample> samples = new ArrayList<>();
        Set<String> subjects = new TreeSet<>();
        for (MmluQuestion q : test) {
            List<MmluQuestion> pool = dev.getOrDefault(q.subject(), List.of());
            if (pool.size() < o.shots()) {
                throw new InvalidInputException("subject '" + q.subject() + "' has " + pool.size() + " dev questions, "
                        + o.shots() + " shots asked (give --option dev=PATH, or fewer --shots)");
            }
            String prompt = MmluPrompt.build(template, q, pool.subList(0, o.shots()));
            samples.add(new Sample(q.id(), List.of(ChatMessage.user(prompt)), List.of(q.answerLetter()), q.choices(),
                    Map.of("subject", q.subject())));
            subjects.add(q.subject());
        }
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Accuracy());
        metrics.add(new MacroMeanMetric("macro_accuracy", "subject"));
        for (String s : subjects) metrics.add(MeanMetric.of("subject/" + s).where("subject", s));
        GenerationConfig config = o.mode() == MmluScorer.Mode.LOGPROB
                ? o.config().withMaxTokens(1).withTopLogprobs(o.topLogprobs()).withTemperature(0.0)
                : o.config();
        String name = template.language().equals("en") ? NAME : NAME + "-" + template.language();
        Dataset dataset = new Dataset(name, data.toString(), Files.isRegularFile(data) ? DatasetCache.sha256(data) : null, samples);
        return new Task(name, VERSION, dataset,
                new GenerateSolver(config),
                new MmluScorer(o.mode()), metrics, config);
    }

    /** Checked before any download: the canonical files have no dev split. */
    private static Path devSource(Options o) {
        if (o.dev() != null) return o.dev();
        if (o.data() != null && Files.isDirectory(o.data())) return o.data();
        throw new InvalidInputException(o.shots() + "-shot MMLU needs a dev split: "
                + (o.data() == null ? "the downloaded test file" : o.data()) + " is a single file without a dev split; pass --option dev=PATH with the Hendrycks data/ (or dev/) directory or a JSONL");
    }

    private static List<MmluQuestion> filter(List<MmluQuestion> all, List<String> wanted, Path data) {
        if (wanted.isEmpty()) return all;
        Set<String> present = new LinkedHashSet<>();
        for (MmluQuestion q : all) present.add(q.subject());
        for (String w : wanted) {
            if (!present.contains(w)) throw new InvalidInputException("--subjects: no subject '" + w + "' in " + data + "; present: " + present);
        }
        Set<String> keep = Set.copyOf(wanted);
        return all.stream().filter(q -> keep.contains(q.subject())).toList();
    }

    private static Map<String, List<MmluQuestion>> bySubject(List<MmluQuestion> qs) {
        Map<String, List<MmluQuestion>> out = new LinkedHashMap<>();
        for (MmluQuestion q : qs) out.computeIfAbsent(q.subject(), k -> new ArrayList<>()).add(q);
        return out;
    }

    private static Path download(MmluTemplate t, DatasetCache cache) {
        return (cache == null ? DatasetCache.standard() : cache).fetch(source(t));
    }

    /**
     * The canonical test file of a language: for English, the 14,042 test questions as openai/simple-evals reads them
     * (one CSV in the MMMLU layout); otherwise the language's openai/MMMLU file. Neither publishes checksums; the
     * file's digest is recorded in the run's dataset provenance instead.
     */
    static DatasetCache.Source source(MmluTemplate t) {
        if (t.language().equals("en")) return ENGLISH;
        if (t.mmmluFile() == null) {
            throw new InvalidInputException("MMLU in '" + t.language() + "' has no download: pass --data with an MMMLU-style CSV "
                    + "or a JSONL file");
        }
        return new DatasetCache.Source("mmmlu", t.mmmluFile(),
                URI.create("https://huggingface.co/datasets/openai/MMMLU/resolve/main/test/" + t.mmmluFile()), null);
    }
}
