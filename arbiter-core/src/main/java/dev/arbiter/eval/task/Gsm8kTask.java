package dev.arbiter.eval.task;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.EvalSetting;
import dev.arbiter.eval.solver.CompletionSolver;
import dev.arbiter.eval.task.gsm8k.LmEvalGsm8kPrompt;
import dev.arbiter.eval.task.gsm8k.LmEvalGsm8kScorer;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.metrics.Accuracy;
import dev.arbiter.eval.solver.GenerateSolver;
import dev.arbiter.eval.task.gsm8k.Gsm8kLoader;
import dev.arbiter.eval.task.gsm8k.Gsm8kProblem;
import dev.arbiter.eval.task.gsm8k.Gsm8kPrompts;
import dev.arbiter.eval.task.gsm8k.Gsm8kScorer;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GSM8K (Cobbe et al. 2021): 1319 grade-school word problems with a numeric answer. Zero-shot chain of thought or
 * 8-shot (the standard lm-eval CoT exemplars, or a seeded draw from the train split). Metrics: {@code accuracy}
 * (= flexible), {@code flexible_accuracy}, {@code strict_accuracy} and {@code fallback_rate} (share of answers
 * found only as "the last number in the text").
 */
public final class Gsm8kTask {
    public static final String NAME = "gsm8k";
    /** Bump when prompts, extraction or scoring change. */
    public static final int VERSION = 2;

    public static final DatasetCache.Source TEST = new DatasetCache.Source("gsm8k", "test.jsonl",
            URI.create("https://raw.githubusercontent.com/openai/grade-school-math/3101c7d5072418e28b9008a6636bde82a006892c/grade_school_math/data/test.jsonl"),
            "3730d312f6e3440559ace48831e51066acaca737f6eabec99bccb9e4b3c39d14");
    public static final DatasetCache.Source TRAIN = new DatasetCache.Source("gsm8k", "train.jsonl",
            URI.create("https://raw.githubusercontent.com/openai/grade-school-math/3101c7d5072418e28b9008a6636bde82a006892c/grade_school_math/data/train.jsonl"),
            "17f347dc51477c50d4efb83959dbb7c56297aba886e5544ee2aaed3024813465");

    /**
     * Prompt style. {@code LM_EVAL_COT_8} is lm-eval's {@code gsm8k_cot} as its local-completions model sends it: the
     * standard 8-shot text as a raw completion, {@code until: ["Q:", "</s>", "<|im_end|>"]}, 256 tokens, temperature 0,
     * graded by {@link LmEvalGsm8kScorer} (strict-match as the value). {@code LM_EVAL_5} is lm-eval's {@code gsm8k}
     * ({@link LmEvalGsm8kPrompt}): 5 train shots drawn as its default sampler draws them, the same request settings
     * with {@code until: ["Question:", "</s>", "<|im_end|>"]}, strict-match on {@code #### N}.
     */
    public enum Shots { ZERO_SHOT_COT, STANDARD_8, TRAIN_8, LM_EVAL_COT_8, LM_EVAL_5 }

    /**
     * @param data   the test JSONL, or a directory holding {@code test.jsonl} (and {@code train.jsonl}); null → download
     * @param shots  prompt style
     * @param seed   picks the train exemplars for {@link Shots#TRAIN_8}
     * @param config sampling settings; null → greedy, 1024 tokens
     * @param cache  where to download the canonical files when {@code data} is null; null → {@link DatasetCache#standard()}
     */
    public record Options(Path data, Shots shots, long seed, GenerationConfig config, DatasetCache cache) {
        public Options {
            if (shots == null) shots = Shots.ZERO_SHOT_COT;
            if (config == null) config = GenerationConfig.DEFAULT;
        }
    }

    private Gsm8kTask() {}

    public static Task create(Options o) {
        Path test = resolve(o, "test.jsonl", TEST);
        List<Gsm8kProblem> problems = Gsm8kLoader.load(test);
        if (o.shots() == Shots.LM_EVAL_5) return lmEval5(o, test, problems);
        List<Gsm8kPrompts.Shot> shots = switch (o.shots()) {
            case ZERO_SHOT_COT, LM_EVAL_5 -> List.of();
            case STANDARD_8, LM_EVAL_COT_8 -> Gsm8kPrompts.STANDARD_SHOTS;
            case TRAIN_8 -> Gsm8kPrompts.trainShots(Gsm8kLoader.load(resolve(o, "train.jsonl", TRAIN)), 8, o.seed());
        };
        List<Sample> samples = new ArrayList<>();
        for (Gsm8kProblem p : problems) {
            String prompt = shots.isEmpty() ? Gsm8kPrompts.zeroShot(p.question()) : Gsm8kPrompts.fewShot(shots, p.question());
            samples.add(new Sample(String.valueOf(p.index()), List.of(ChatMessage.user(prompt)), List.of(p.gold()), List.of(),
                    Map.of("solution", p.solution())));
        }
        Dataset dataset = new Dataset(NAME, test.toString(), DatasetCache.sha256(test), samples);
        String name = NAME + "-" + o.shots().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        if (o.shots() == Shots.LM_EVAL_COT_8) {
            GenerationConfig lmEval = new GenerationConfig(0.0, null, 256, null, Gsm8kPrompts.FEW_SHOT_STOP, null, null);
            return new Task(name, VERSION, dataset, new CompletionSolver(lmEval), new LmEvalGsm8kScorer(),
                    List.of(new Accuracy(), MeanMetric.of("strict_match").valueFrom("strict"),
                            MeanMetric.of("flexible_extract").valueFrom("flexible")),
                    lmEval, new EvalSetting("lm-eval", 8, null, null));
        }
        GenerationConfig config = shots.isEmpty() || o.config().stop() != null ? o.config() : o.config().withStop(Gsm8kPrompts.FEW_SHOT_STOP);
        return new Task(name, VERSION, dataset,
                new GenerateSolver(config),
                new Gsm8kScorer(),
                List.of(new Accuracy(), MeanMetric.of("flexible_accuracy"),
                        MeanMetric.of("strict_accuracy").valueFrom("strict"), MeanMetric.of("fallback_rate").valueFrom("fallback")),
                config, EvalSetting.shots(shots.size()));
    }

    /** lm-eval's {@code gsm8k}, 5-shot; the train split comes from beside --data (a directory, or test.jsonl's sibling). */
    private static Task lmEval5(Options o, Path test, List<Gsm8kProblem> problems) {
        Path trainFile = resolve(o, "train.jsonl", TRAIN);
        if (!Files.isRegularFile(trainFile)) {
            throw new dev.arbiter.error.InvalidInputException("--harness lm-eval gsm8k draws its 5 shots from the train split: "
                    + trainFile + " does not exist (give --data a directory holding test.jsonl and train.jsonl, as datasets/gsm8k)");
        }
        List<String> contexts = LmEvalGsm8kPrompt.contexts(problems, Gsm8kLoader.load(trainFile), LmEvalGsm8kPrompt.SHOTS);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            Gsm8kProblem p = problems.get(i);
            samples.add(new Sample(String.valueOf(p.index()), List.of(ChatMessage.user(contexts.get(i))), List.of(p.gold()), List.of(),
                    Map.of("solution", p.solution())));
        }
        Dataset dataset = new Dataset(NAME, test.toString(), DatasetCache.sha256(test), samples);
        // lm-eval's local-completions payload for generate_until: max_gen_toks 256, temperature 0, seed 1234
        GenerationConfig lmEval = new GenerationConfig(0.0, null, 256, LmEvalGsm8kPrompt.FEWSHOT_SEED, LmEvalGsm8kPrompt.UNTIL, null, null);
        return new Task(NAME + "-lm-eval-5", VERSION, dataset, new CompletionSolver(lmEval), new LmEvalGsm8kScorer(false),
                List.of(new Accuracy(), MeanMetric.of("strict_match").valueFrom("strict"),
                        MeanMetric.of("flexible_extract").valueFrom("flexible")),
                lmEval, new EvalSetting("lm-eval", LmEvalGsm8kPrompt.SHOTS, null, null));
    }

    private static Path resolve(Options o, String fileName, DatasetCache.Source source) {
        if (o.data() == null) return (o.cache() == null ? DatasetCache.standard() : o.cache()).fetch(source);
        if (Files.isDirectory(o.data())) return o.data().resolve(fileName);
        if (fileName.equals("test.jsonl")) return o.data();
        return o.data().resolveSibling(fileName);
    }
}
