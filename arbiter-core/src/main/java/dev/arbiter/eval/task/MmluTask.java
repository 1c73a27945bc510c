package dev.arbiter.eval.task;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.metrics.Accuracy;
import dev.arbiter.eval.harness.lmeval.LoglikelihoodScorer;
import dev.arbiter.eval.solver.GenerateSolver;
import dev.arbiter.eval.solver.LoglikelihoodSolver;
import dev.arbiter.eval.task.mmlu.LmEvalMmluPrompt;
import dev.arbiter.eval.task.mmlu.HendrycksArchive;
import dev.arbiter.eval.task.mmlu.MmluLoader;
import dev.arbiter.eval.task.mmlu.MmluPrompt;
import dev.arbiter.eval.task.mmlu.MmluQuestion;
import dev.arbiter.eval.task.mmlu.MmluScorer;
import dev.arbiter.eval.task.mmlu.SimpleEvalsMultichoice;
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
 * the first token's logprobs, or as lm-eval does ({@code --harness lm-eval}: its prompt, and the loglikelihood of
 * " A".." D" through echoed completions requests; acc and acc_norm). Metrics: {@code accuracy} (micro, over questions), {@code macro_accuracy} (mean of
 * subject accuracies) and {@code subject/<name>}.
 */
public final class MmluTask {
    public static final String NAME = "mmlu";
    /** Bump when prompts, extraction or scoring change. */
    public static final int VERSION = 1;
    /** Most servers cap top_logprobs at 20 (OpenAI's limit); at least 5 are needed to see every option letter. */
    public static final int DEFAULT_TOP_LOGPROBS = 20;
    /**
     * The canonical English archive (Hendrycks et al.): {@code data/{dev,val,test}/<subject>_<split>.csv}. The sha256 is
     * the one several harnesses pin for this URL, equal to the Git LFS object of {@code data.tar} in cais/mmlu on
     * Hugging Face (e.g. sgl-project's sgl_eval registry); a download with another digest is refused.
     */
    public static final DatasetCache.Source HENDRYCKS = new DatasetCache.Source("mmlu", "data.tar",
            URI.create("https://people.eecs.berkeley.edu/~hendrycks/data.tar"),
            "bec563ba4bac1d6aaf04141cd7d1605d7a5ca833e38f994051e818489592989b");
    /** English MMLU test split as one CSV (header ,Question,A,B,C,D,Answer,Subject), used by openai/simple-evals. */
    public static final DatasetCache.Source SIMPLE_EVALS = new DatasetCache.Source("mmlu", "mmlu.csv",
            URI.create("https://openaipublic.blob.core.windows.net/simple-evals/mmlu.csv"), null);

    /** Which canonical copy English MMLU downloads when no --data is given. */
    public enum EnglishSource {
        /** {@link #HENDRYCKS}: test, dev and val splits, so 0- to 5-shot all work. */
        HENDRYCKS,
        /** {@link #SIMPLE_EVALS}: the test split only (0-shot, or shots from --option dev=PATH). */
        SIMPLE_EVALS
    }

    /**
     * @param data        Hendrycks {@code data/} dir, an MMMLU-style CSV or a JSONL file; null → download the
     *                    language's canonical copy: for English the Hendrycks archive (with a dev split) or, on request,
     *                    {@link #SIMPLE_EVALS}; otherwise the openai/MMMLU test CSV (no dev split)
     * @param dev         where the shots come from when {@code data} has no dev split (a dir, CSV or JSONL); may be null
     * @param language    template key ({@code en}, {@code fr}, …); null → en
     * @param shots       0..5
     * @param subjects    only these subjects; empty → all in the data
     * @param topLogprobs alternatives asked for in logprob mode (5..20 typical)
     * @param english     which English copy to download when {@code data} is null; null → {@link EnglishSource#HENDRYCKS}
     */
    public record Options(Path data, Path dev, String language, int shots, MmluScorer.Mode mode, List<String> subjects,
                          int topLogprobs, GenerationConfig config, DatasetCache cache, EnglishSource english) {
        public Options {
            if (language == null) language = "en";
            if (english == null) english = EnglishSource.HENDRYCKS;
            if (shots < 0 || shots > 5) throw new InvalidInputException("--shots must be 0..5 for MMLU, got " + shots);
            if (mode == null) mode = MmluScorer.Mode.GENERATE;
            subjects = subjects == null ? List.of() : List.copyOf(subjects);
            if (topLogprobs == 0) topLogprobs = DEFAULT_TOP_LOGPROBS;
            if (mode == MmluScorer.Mode.LOGPROB && topLogprobs < 5) throw new InvalidInputException("--top-logprobs must be >= 5 for MMLU logprob scoring, got " + topLogprobs);
            if (config == null) config = GenerationConfig.DEFAULT;
        }

        /** Options that download the Hendrycks archive for English when {@code data} is null. */
        public Options(Path data, Path dev, String language, int shots, MmluScorer.Mode mode, List<String> subjects,
                       int topLogprobs, GenerationConfig config, DatasetCache cache) {
            this(data, dev, language, shots, mode, subjects, topLogprobs, config, cache, null);
        }
    }

    private MmluTask() {}

    /** The digest's value; its failure (an unreadable file) as the loader would have thrown it. */
    private static String joined(java.util.concurrent.CompletableFuture<String> digest) {
        try {
            return digest.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    public static Task create(Options o) {
        return create(o, HENDRYCKS);
    }

    /** @param hendrycks where (and with which digest) the English archive is fetched; tests serve their own */
    static Task create(Options o, DatasetCache.Source hendrycks) {
        MmluTemplate template = MmluTemplate.forLanguage(o.language());
        boolean archive = o.data() == null && template.language().equals("en") && o.english() == EnglishSource.HENDRYCKS;
        if (o.shots() > 0 && !archive) requireDevSplit(o);
        Path data;
        String sha256;
        if (archive) {
            HendrycksArchive unpacked = HendrycksArchive.fetch(cacheOf(o), hendrycks);
            data = unpacked.dataDir();
            sha256 = unpacked.sha256();
        } else {
            data = o.data() != null ? o.data() : cacheOf(o).fetch(source(template, o.english()));
            sha256 = null;
        }
        // A directory's digest is over its test files (names and contents), read on another core while this one
        // parses them: diff and merge compare it, and without one they could not tell two MMLU directories apart.
        Path dir = data;
        java.util.concurrent.CompletableFuture<String> digest = sha256 != null ? java.util.concurrent.CompletableFuture.completedFuture(sha256)
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> Files.isDirectory(dir)
                        ? DatasetCache.sha256(dir, MmluLoader.splitFiles(dir, "test")) : DatasetCache.sha256(dir));
        Path devPath = o.shots() == 0 ? null : o.dev() != null ? o.dev() : data;
        List<MmluQuestion> test = filter(MmluLoader.load(data, "test"), o.subjects(), data);
        sha256 = joined(digest);
        Map<String, List<MmluQuestion>> dev = devPath == null ? Map.of() : bySubject(MmluLoader.load(devPath, "dev"));
        List<Sample> samples = new ArrayList<>();
        Set<String> subjects = new TreeSet<>();
        for (MmluQuestion q : test) {
            List<MmluQuestion> pool = dev.getOrDefault(q.subject(), List.of());
            if (pool.size() < o.shots()) {
                throw new InvalidInputException("subject '" + q.subject() + "' has " + pool.size() + " dev questions, "
                        + o.shots() + " shots asked (give --option dev=PATH, or fewer --shots)");
            }
            String prompt = o.mode() == MmluScorer.Mode.SIMPLE_EVALS ? SimpleEvalsMultichoice.prompt(q.question(), q.choices())
                    : o.mode() == MmluScorer.Mode.LOGLIKELIHOOD ? LmEvalMmluPrompt.build(q, pool.subList(0, o.shots()))
                    : MmluPrompt.build(template, q, pool.subList(0, o.shots()));
            samples.add(new Sample(q.id(), List.of(ChatMessage.user(prompt)), List.of(q.answerLetter()), q.choices(),
                    Map.of("subject", q.subject())));
            subjects.add(q.subject());
        }
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Accuracy());
        metrics.add(new MacroMeanMetric("macro_accuracy", "subject"));
        for (String s : subjects) metrics.add(MeanMetric.of("subject/" + s).where("subject", s));
        if (o.mode() == MmluScorer.Mode.LOGLIKELIHOOD) {
            if (!template.language().equals("en")) throw new InvalidInputException("lm-eval's MMLU loglikelihood prompt is English; MMLU in '" + template.language() + "' has no lm-eval profile here");
            metrics.add(MeanMetric.of("acc_norm").valueFrom("acc_norm"));
            // what each echoed request carries (lm-eval's _create_payload for loglikelihood): recorded in the manifest
            GenerationConfig ll = new GenerationConfig(0.0, null, 1, 1234L, null, 1, null);
            Dataset dataset = new Dataset(NAME, data.toString(), sha256, samples);
            return new Task(NAME, VERSION, dataset, new LoglikelihoodSolver(" "), new LoglikelihoodScorer(), metrics, ll);
        }
        GenerationConfig config = o.mode() == MmluScorer.Mode.LOGPROB
                ? o.config().withMaxTokens(1).withTopLogprobs(o.topLogprobs()).withTemperature(0.0)
                // simple-evals' ChatCompletionSampler defaults (sampler/chat_completion_sampler.py): temperature 0.5, 1024 tokens
                : o.mode() == MmluScorer.Mode.SIMPLE_EVALS ? new GenerationConfig(0.5, null, 1024, null, null, null, null)
                : o.config();
        String name = template.language().equals("en") ? NAME : NAME + "-" + template.language();
        Dataset dataset = new Dataset(name, data.toString(), sha256, samples);
        return new Task(name, VERSION, dataset,
                new GenerateSolver(config),
                new MmluScorer(o.mode()), metrics, config);
    }

    /** Checked before any download: the single-file copies (simple-evals, MMMLU) have no dev split. */
    private static void requireDevSplit(Options o) {
        if (o.dev() != null || o.data() != null && Files.isDirectory(o.data())) return;
        throw new InvalidInputException(o.shots() + "-shot MMLU needs a dev split: "
                + (o.data() == null ? "the downloaded test file" : o.data()) + " is a single file without a dev split; pass --option dev=PATH with the Hendrycks data/ (or dev/) directory or a JSONL"
                + (o.data() == null && o.language().equals("en") ? " (or drop --option source=simple-evals: the default Hendrycks archive has one)" : ""));
    }

    private static List<MmluQuestion> filter(List<MmluQuestion> all, List<String> wanted, Path data) {
        if (wanted.isEmpty()) return all;
        Set<String> present = new LinkedHashSet<>();
        for (MmluQuestion q : all) present.add(q.subject());
        for (String w : wanted) {
            if (!present.contains(w)) throw new InvalidInputException("--subject: no subject '" + w + "' in " + data + "; present: " + present);
        }
        Set<String> keep = Set.copyOf(wanted);
        return all.stream().filter(q -> keep.contains(q.subject())).toList();
    }

    private static Map<String, List<MmluQuestion>> bySubject(List<MmluQuestion> qs) {
        Map<String, List<MmluQuestion>> out = new LinkedHashMap<>();
        for (MmluQuestion q : qs) out.computeIfAbsent(q.subject(), k -> new ArrayList<>()).add(q);
        return out;
    }

    private static DatasetCache cacheOf(Options o) {
        return o.cache() == null ? DatasetCache.standard() : o.cache();
    }

    /**
     * The canonical single test file of a language: for English (on request), the 14,042 test questions as
     * openai/simple-evals reads them (one CSV in the MMMLU layout); otherwise the language's openai/MMMLU file. Neither
     * publishes checksums; the file's digest is recorded in the run's dataset provenance instead.
     */
    static DatasetCache.Source source(MmluTemplate t, EnglishSource english) {
        if (t.language().equals("en")) {
            if (english != EnglishSource.SIMPLE_EVALS) throw new IllegalStateException("English MMLU downloads the Hendrycks archive, not a single file");
            return SIMPLE_EVALS;
        }
        if (english == EnglishSource.SIMPLE_EVALS) {
            throw new InvalidInputException("--option source=simple-evals is for English MMLU; MMLU in '" + t.language()
                    + "' downloads openai/MMMLU");
        }
        if (t.mmmluFile() == null) {
            throw new InvalidInputException("MMLU in '" + t.language() + "' has no download: pass --data with an MMMLU-style CSV "
                    + "or a JSONL file");
        }
        return new DatasetCache.Source("mmmlu", t.mmmluFile(),
                URI.create("https://huggingface.co/datasets/openai/MMMLU/resolve/main/test/" + t.mmmluFile()), null);
    }
}
