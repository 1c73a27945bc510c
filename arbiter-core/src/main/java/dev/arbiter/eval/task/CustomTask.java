package dev.arbiter.eval.task;

import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.ModelClient;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.Solver;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.dataset.CustomDatasetLoader;
import dev.arbiter.eval.dataset.DataFormat;
import dev.arbiter.eval.dataset.DataProblem;
import dev.arbiter.eval.dataset.FieldMap;
import dev.arbiter.eval.dataset.LoadOptions;
import dev.arbiter.eval.dataset.LoadedDataset;
import dev.arbiter.eval.engine.TaskFactory;
import dev.arbiter.eval.engine.TaskParams;
import dev.arbiter.eval.metrics.Metrics;
import dev.arbiter.eval.scorer.ScorerOptions;
import dev.arbiter.eval.scorer.Scorers;
import dev.arbiter.eval.solver.ChainSolver;
import dev.arbiter.eval.solver.GenerateSolver;
import dev.arbiter.eval.solver.MultipleChoiceSolver;
import dev.arbiter.eval.solver.PromptTemplateSolver;
import dev.arbiter.eval.solver.SystemMessageSolver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code --task custom --data FILE}: the user's own JSONL/CSV data, scored by {@code --scorer} (default: {@code choice}
 * when every sample has choices, else {@code includes}). Samples with choices are shown as a lettered question.
 * Options ({@code --option key=value}): {@code field.input=COLUMN} (and the other fields, see {@link FieldMap}),
 * {@code skip_invalid=true}, {@code format=jsonl|csv|tsv}, {@code system=TEXT}, {@code template=... {prompt} ...},
 * and {@code scorer.KEY=VALUE} for the scorer (e.g. {@code scorer.abs_tolerance=0.01}). Other options are ignored.
 */
public final class CustomTask implements TaskFactory {
    public static final String NAME = "custom";
    /**
     * Bump when the prompt format, defaults or scoring change. 2: exact is Inspect's exact (numbers by value, words as a
     * set); a choice target that is an option's text names that option, and JSONL numbers keep their written text.
     */
    public static final int VERSION = 2;

    private final ModelClient judge;
    private final GenerationConfig config;
    private final Consumer<DataProblem> skipped;

    /**
     * @param judge   grading model for {@code --scorer judge}, or null
     * @param skipped told about each row skipped under {@code skip_invalid} (the command prints them)
     */
    public CustomTask(ModelClient judge, GenerationConfig config, Consumer<DataProblem> skipped) {
        this.judge = judge;
        this.config = config == null ? GenerationConfig.DEFAULT : config;
        this.skipped = skipped == null ? p -> { } : skipped;
    }

    @Override
    public Task create(TaskParams p) {
        if (p.data() == null) throw new InvalidInputException("--task custom needs --data FILE (JSONL or CSV)");
        Map<String, String> opts = p.options();
        List<String> fieldSpecs = new ArrayList<>();
        Map<String, String> scorerOpts = new LinkedHashMap<>();
        opts.forEach((k, v) -> {
            if (k.startsWith("field.")) fieldSpecs.add(k.substring("field.".length()) + "=" + v);
            if (k.startsWith("scorer.")) scorerOpts.put(k.substring("scorer.".length()), v);
        });
        ScorerOptions so = ScorerOptions.of(scorerOpts).withJudge(judge);
        String scorerName = p.scorer() == null ? null : p.scorer().strip().toLowerCase(Locale.ROOT);
        LoadOptions load = new LoadOptions(FieldMap.parse(fieldSpecs), format(opts.get("format")),
                flag(opts.get("skip_invalid"), "skip_invalid"),
                needsTarget(scorerName, scorerOpts));
        LoadedDataset loaded = CustomDatasetLoader.load(p.data(), load);
        loaded.skipped().forEach(skipped);
        Dataset d = loaded.dataset();
        if (scorerName == null) scorerName = d.samples().stream().allMatch(s -> !s.choices().isEmpty()) ? "choice" : "includes";
        Scorer scorer = Scorers.create(scorerName, so);
        return task(d, scorer, opts.get("system"), opts.get("template"), config);
    }

    /** The task for an already loaded dataset: [system] → [template] → [lettered choices] → generate → score. */
    public static Task task(Dataset d, Scorer scorer, String system, String template, GenerationConfig config) {
        List<Solver> steps = new ArrayList<>();
        if (system != null && !system.isBlank()) steps.add(new SystemMessageSolver(system));
        if (template != null && !template.isBlank()) steps.add(new PromptTemplateSolver(template));
        MultipleChoiceSolver mc = new MultipleChoiceSolver();
        steps.add((state, generate) -> state.sample().choices().isEmpty() ? state : mc.solve(state, generate));
        steps.add(new GenerateSolver(config));
        List<Metric> metrics = scorer.name().equals("judge_rating") ? Metrics.graded() : Metrics.passFail();
        return new Task(NAME, VERSION, d, new ChainSolver(steps), scorer, metrics, config);
    }

    /** Rows need a target unless the scorer grades without one (JSON well-formedness, a judge with a rubric or rating). */
    static boolean needsTarget(String scorer, Map<String, String> scorerOpts) {
        if ("json".equals(scorer)) return false;
        if ("judge".equals(scorer)) {
            return !scorerOpts.containsKey("rubric") && !"rating".equalsIgnoreCase(scorerOpts.getOrDefault("mode", "grade").strip());
        }
        return true;
    }

    private static boolean flag(String v, String name) {
        if (v == null) return false;
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new InvalidInputException("option " + name + ": expected true or false, got '" + v + "'");
        };
    }

    private static DataFormat format(String f) {
        if (f == null) return null;
        try {
            return DataFormat.valueOf(f.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("option format: expected jsonl, csv or tsv, got '" + f + "'");
        }
    }
}
