package dev.arbiter.eval.task;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.EvalSetting;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.Solver;
import dev.arbiter.eval.solver.CompletionSolver;
import dev.arbiter.eval.task.math.MathPrompts;
import dev.arbiter.eval.task.math.MinervaScorer;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.metrics.Accuracy;
import dev.arbiter.eval.solver.GenerateSolver;
import dev.arbiter.eval.task.math.MathLoader;
import dev.arbiter.eval.task.math.MathProblem;
import dev.arbiter.eval.task.math.MathScorer;
import dev.arbiter.eval.task.math.QwenMathScorer;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * MATH (Hendrycks et al. 2021) and MATH-500 (Lightman et al. 2023): competition problems with a LaTeX final answer,
 * asked zero-shot with the answer in {@code \boxed{}}. Metrics: {@code accuracy}, {@code subject/<slug>} (e.g.
 * {@code subject/counting_and_probability}) and {@code level/<1..5>}.
 */
public final class MathTask {
    public static final String NAME = "math";
    /** Bump when prompts, extraction or equivalence change (3: mixed numbers, exact powers, text, lists; qwen's grader). */
    public static final int VERSION = 3;

    private static final String COMMIT = "db77bc6bb2a17c90ed2d63e88ebd8c40a82858c5";
    public static final DatasetCache.Source MATH_500 = new DatasetCache.Source("math500", "test.jsonl",
            URI.create("https://raw.githubusercontent.com/ZubinGou/math-evaluation-harness/" + COMMIT + "/data/math_oai/test.jsonl"),
            "35dc41080a3680858b27fa7e0533d2d547825316fc5dafe5d316f4ccc5a06132");
    public static final DatasetCache.Source MATH_FULL = new DatasetCache.Source("math", "test.jsonl",
            URI.create("https://raw.githubusercontent.com/ZubinGou/math-evaluation-harness/" + COMMIT + "/data/math/test.jsonl"),
            "3371949f33dd702d04b43fddd7d53a028de0aaca0e76abb1b875a050297b3aa4");

    static final String INSTRUCTION = "Please reason step by step, and put your final answer within \\boxed{}.";

    /**
     * @param data   a MATH or MATH-500 JSONL file (or a directory holding {@code test.jsonl}); null → download
     * @param full   with no {@code data}: the 5000-problem split instead of MATH-500
     * @param config sampling settings; null → greedy, 1024 tokens
     * @param cache  download cache when {@code data} is null; null → {@link DatasetCache#standard()}
     */
    public record Options(Path data, boolean full, GenerationConfig config, DatasetCache cache) {
        public Options {
            if (config == null) config = GenerationConfig.DEFAULT;
        }
    }

    private MathTask() {}

    public static Task create(Options o) {
        return create(o, Set.of(), Set.of());
    }

    /**
     * Only the problems of the given subjects (slugs such as {@code number_theory}, or names such as
     * {@code "Number Theory"}) and levels (1–5); an empty set keeps all. A subject that no problem has is an input
     * error listing the known ones, so a typo never silently yields an empty run.
     */
    public static Task create(Options o, Set<String> onlySubjects, Set<Integer> onlyLevels) {
        return create(o, onlySubjects, onlyLevels, Prompting.ARBITER_ZERO_SHOT);
    }

    /**
     * How the problems are asked and graded.
     * <ul>
     *   <li>{@code ARBITER_ZERO_SHOT}: one user turn, the problem and "put your final answer within \boxed{}";</li>
     *   <li>{@code ARBITER_MINERVA_4}: {@code --shots 4}: minerva's four exemplars in lm-eval's layout as one user
     *       turn, stop at "Problem:"; graded by Arbiter ({@link MathScorer});</li>
     *   <li>{@code LM_EVAL}: lm-eval {@code minerva_math} as its local-completions model sends it: the same text as a raw
     *       completion, {@code until: ["Problem:"]}, 256 tokens ({@code max_gen_toks}), temperature 0; graded by
     *       {@link MinervaScorer};</li>
     *   <li>{@code QWEN}: Qwen2.5-Math {@code qwen25-math-cot}: the instruction as the system turn, the problem as the
     *       user turn, 2048 tokens, temperature 0; graded by {@link QwenMathScorer} (Qwen's extraction order and
     *       numeric tolerance).</li>
     * </ul>
     */
    public enum Prompting { ARBITER_ZERO_SHOT, ARBITER_MINERVA_4, LM_EVAL, QWEN }

    public static Task create(Options o, Set<String> onlySubjects, Set<Integer> onlyLevels, Prompting prompting) {
        Set<String> wanted = new TreeSet<>();
        for (String s : onlySubjects) wanted.add(slug(s));
        for (int l : onlyLevels) {
            if (l < 1 || l > 5) throw new InvalidInputException("MATH levels are 1 to 5, got " + l);
        }
        Path file = o.data() == null ? (o.cache() == null ? DatasetCache.standard() : o.cache()).fetch(o.full() ? MATH_FULL : MATH_500)
                : Files.isDirectory(o.data()) ? o.data().resolve("test.jsonl") : o.data();
        List<MathProblem> problems = MathLoader.load(file);
        List<Sample> samples = new ArrayList<>();
        TreeSet<String> subjects = new TreeSet<>();
        TreeSet<Integer> levels = new TreeSet<>();
        TreeSet<String> known = new TreeSet<>();
        for (MathProblem p : problems) known.add(slug(p.subject()));
        for (String w : wanted) {
            if (!known.contains(w)) {
                throw new InvalidInputException("unknown MATH subject '" + w + "' (known: " + String.join(", ", known) + ")");
            }
        }
        for (MathProblem p : problems) {
            String subject = slug(p.subject());
            if (!wanted.isEmpty() && !wanted.contains(subject)) continue;
            if (!onlyLevels.isEmpty() && !onlyLevels.contains(p.level())) continue;
            subjects.add(subject);
            if (p.level() > 0) levels.add(p.level());
            List<ChatMessage> input = switch (prompting) {
                case ARBITER_ZERO_SHOT -> List.of(ChatMessage.user(p.problem() + "\n\n" + INSTRUCTION));
                case ARBITER_MINERVA_4, LM_EVAL -> List.of(ChatMessage.user(MathPrompts.minervaFewShot(p.problem())));
                case QWEN -> List.of(ChatMessage.system(MathPrompts.QWEN_SYSTEM), ChatMessage.user(p.problem()));
            };
            samples.add(new Sample(p.id(), input, List.of(p.answer()), List.of(),
                    Map.of("subject", subject, "level", p.level(), "solution", p.solution())));
        }
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Accuracy());
        for (String s : subjects) metrics.add(MeanMetric.of("subject/" + s).where("subject", s));
        for (int l : levels) metrics.add(MeanMetric.of("level/" + l).where("level", l));
        GenerationConfig config = switch (prompting) {
            case ARBITER_ZERO_SHOT -> o.config();
            case ARBITER_MINERVA_4 -> o.config().stop() != null ? o.config() : o.config().withStop(MathPrompts.MINERVA_STOP);
            case LM_EVAL -> new GenerationConfig(0.0, null, 256, null, MathPrompts.MINERVA_STOP, null, null);
            case QWEN -> new GenerationConfig(0.0, 1.0, 2048, null, null, null, null);
        };
        Dataset dataset = new Dataset(o.data() == null && !o.full() ? "math500" : NAME, file.toString(), DatasetCache.sha256(file), samples);
        Solver solver = prompting == Prompting.LM_EVAL ? new CompletionSolver(config) : new GenerateSolver(config);
        Scorer scorer = switch (prompting) {
            case LM_EVAL -> new MinervaScorer();
            case QWEN -> new QwenMathScorer();
            default -> new MathScorer();
        };
        String harness = switch (prompting) {
            case LM_EVAL -> "lm-eval";
            case QWEN -> "qwen";
            default -> "arbiter";
        };
        int shots = prompting == Prompting.ARBITER_MINERVA_4 || prompting == Prompting.LM_EVAL ? 4 : 0;
        return new Task(NAME, VERSION, dataset, solver, scorer, metrics, config, new EvalSetting(harness, shots, null, null));
    }

    /** "Counting & Probability" → "counting_and_probability". */
    static String slug(String subject) {
        return subject.toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
