package dev.arbiter.compare;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.engine.MetricSummary;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.engine.RunStatus;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.evidence.ModelMatch;
import dev.arbiter.score.MeasuredFigure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The user's own stored runs as comparison-table figures, in the published figures' units: accuracy and pass@1 as
 * percentages, MT-Bench on its 1–10 scale. Which task fills which column: mmlu → MMLU, humaneval → HumanEval,
 * mt_bench → MT-Bench, math and math500 → MATH; gsm8k, mmlu_pro, mmlu_redux, gpqa (accuracy) and ifeval (prompt-level
 * strict accuracy, as vendors print it) into columns of their own; and the user's own copies of the vision benchmarks: chartqa →
 * ChartQA (relaxed accuracy), docvqa → DocVQA (ANLS), mmmu → MMMU (accuracy), as percentages like the vendors print
 * them; aime → the catalogue's {@code aime_2024} column only when the run's dataset is the 2024 problems (its
 * manifest's dataset name, {@code aime_2024}, says so): a 2025 or mixed run has no published figure to stand beside.
 * The synthetic {@code chart_qa_synth}/{@code doc_qa_synth} are checks of their own, not the published benchmarks,
 * and fill no column. A run that did not complete still fills its column, marked with its {@link Progress}: its
 * figure is shown, never passed off as comparable.
 */
public final class MeasuredRuns {
    private MeasuredRuns() {}

    /**
     * @param runsByModel catalogue model id → run id
     * @param catalog     to read each run's served model name as the catalogue model it names (as {@code report}
     *                    does): a run of another model is refused, not put beside this one's published figures
     */
    public static Map<String, Map<String, Comparison.Measured>> read(RunReader reader, Map<String, String> runsByModel, Catalog catalog) {
        Map<String, Map<String, Comparison.Measured>> out = new HashMap<>();
        for (var e : runsByModel.entrySet()) {
            RunRecord r = reader.record(e.getValue());
            requireSameModel(e.getKey(), r, catalog);
            String status = reader.status(r);
            for (TaskResult t : r.tasks()) {
                Column c = column(t.task(), r.manifest().datasetName());
                if (c == null && t.task().equalsIgnoreCase("aime")) {
                    throw new InvalidInputException("run " + r.runId() + " is an AIME run on " + r.manifest().datasetName()
                            + " data; the catalogue's AIME figures are AIME 2024: run aime on the 2024 problems (with "
                            + "--option year=2024 if its rows and file name do not say the year)");
                }
                if (c == null) {
                    throw new InvalidInputException("run " + r.runId() + " is a '" + t.task()
                            + "' run; the comparison table has columns for mmlu, humaneval, mt_bench, math, gsm8k, mmlu_pro, mmlu_redux, gpqa, ifeval, chartqa, docvqa, mmmu and aime (2024) runs");
                }
                MetricSummary s = t.metrics().get(c.metric());
                if (s == null || s.value() == null) {
                    throw new InvalidInputException("run " + r.runId() + " has no scored " + c.metric() + " to compare");
                }
                out.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new HashMap<>())
                        .put(c.benchmark(), new Comparison.Measured(s.value() * c.scale(), r.runId(), setting(r, t), Progress.of(status, t)));
            }
        }
        return out;
    }

    /**
     * Refuses {@code --measured MODEL=RUN} when the run's served name names another catalogue model (a gemma-3-27b
     * run given as qwen2.5-7b's); a served name that names none (a house model, a local alias) is taken as given.
     */
    static void requireSameModel(String given, RunRecord r, Catalog catalog) {
        String id = catalog.get(given).id();
        String named = ModelMatch.catalogModel(r.manifest().model(), catalog).orElse(null);
        if (named != null && !named.equals(id)) {
            throw new InvalidInputException("--measured " + given + "=" + r.runId() + ": run " + r.runId() + " measured "
                    + r.manifest().model() + ", which is " + named + " in the catalogue, not " + id + ": give --measured "
                    + named + "=" + r.runId() + ", or a run of " + id);
        }
    }

    /**
     * The measured figures a ranking may use (catalogue id → figures): those of complete runs. A figure from an
     * incomplete run is left out, and {@code notes} says which and why, for people.
     */
    public static Map<String, List<MeasuredFigure>> comparable(Map<String, Map<String, Comparison.Measured>> measured, List<String> notes) {
        Map<String, List<MeasuredFigure>> out = new TreeMap<>();
        new TreeMap<>(measured).forEach((model, byBenchmark) -> new TreeMap<>(byBenchmark).forEach((benchmark, m) -> {
            if (m.progress() != null && !m.progress().complete()) {
                notes.add(String.format(Locale.US, "%s: run %s's %s figure %.1f is not used: the run is incomplete (%s); %s.",
                        model, m.runId(), benchmark, m.value(), m.progress().describe(), NOT_COMPARABLE));
                return;
            }
            out.computeIfAbsent(model, k -> new ArrayList<>()).add(new MeasuredFigure(benchmark, m.value(), m.runId()));
        }));
        return out;
    }

    /** The run's profile and shots from its manifest; CoT from the prompts its task and scorer are known to send. */
    static MeasuredSetting setting(RunRecord r, TaskResult t) {
        dev.arbiter.eval.EvalSetting s = r.manifest().setting();
        String task = t.task().toLowerCase(Locale.ROOT);
        String scorer = r.manifest().scorer() == null ? "" : r.manifest().scorer();
        Boolean cot = null;
        if (task.contains("cot") || task.equals("gsm8k-standard-8") || task.equals("gsm8k-train-8") || scorer.equals("mmlu_simple_evals")) cot = true;
        if (task.equals("gsm8k-lm-eval-5") || scorer.equals("lm_eval_loglikelihood") || scorer.equals("mmlu_logprob")) cot = false;
        return new MeasuredSetting(s == null ? null : s.harness(), s == null ? null : s.shots(), cot);
    }

    /**
     * How far a run got: its status and the answers it has of those planned (samples × epochs). An answer whose
     * outcome is an error (no answer after the retries: what makes {@code eval} exit 4) is not an answer, so a
     * run "completed" with errors is incomplete too. A figure from a run that is not complete — not completed, or
     * with answers missing — is not comparable with a published one: without --limit a run answers in dataset order
     * (MMLU subject after subject), so a partial run is a biased subset, not a smaller sample (an MMLU run killed at
     * 44 of 350 answers measured 75.0; the full run 60.0), and the questions a server failed on are not a random
     * subset either (the longest prompts time out first). The one test of "complete" for every view: compare,
     * recommend, report, runs.
     */
    public record Progress(String status, int answered, int planned) {
        public static Progress of(RunRecord r, TaskResult t) {
            return of(r.status().name(), t);
        }

        /** @param status as the reader should see it (e.g. {@link RunReader#STALE} for a running run nobody writes) */
        public static Progress of(String status, TaskResult t) {
            return new Progress(status, Math.max(0, t.planned() - t.missing() - t.errors()), t.planned());
        }

        public boolean complete() {
            return RunStatus.completed.name().equals(status) && answered >= planned;
        }

        /** "running, 44 of 350 answers". */
        public String describe() {
            return String.format(Locale.US, "%s, %,d of %,d answers", status, answered, planned);
        }
    }

    /** What is said beside a figure from an incomplete run, wherever it is shown. */
    public static final String NOT_COMPARABLE = "a partial run is not a random sample of the benchmark (without --limit it "
            + "answers in dataset order), so its figure is not comparable with a published one: run the same eval again to finish it";

    /** Which comparison column a task fills: its benchmark, the metric read and the factor to the published unit. */
    public record Column(String benchmark, String metric, double scale) {}

    /** The column {@code task} fills whatever its data, or null when it fills none (an AIME run needs its year). */
    public static Column column(String task) {
        return column(task, null);
    }

    /**
     * The column {@code task} fills, or null when it fills none.
     *
     * @param dataset the run's dataset name (its manifest), which says which AIME year it ran; null when unknown
     */
    public static Column column(String task, String dataset) {
        String t = task.toLowerCase(Locale.ROOT);
        // gsm8k runs are named by their prompt style: gsm8k-zero-shot-cot, gsm8k-standard-8, gsm8k-lm-eval-5, …
        if (t.startsWith("gsm8k-")) t = "gsm8k";
        return switch (t) {
            case "mmlu" -> new Column("mmlu", "accuracy", 100);
            case "humaneval" -> new Column("humaneval", "pass@1", 100);
            case "mt_bench" -> new Column("mt_bench", "score", 1);
            case "math", "math500" -> new Column("math", "accuracy", 100);
            case "gsm8k" -> new Column("gsm8k", "accuracy", 100);
            case "mmlu_pro" -> new Column("mmlu_pro", "accuracy", 100);
            case "mmlu_redux" -> new Column("mmlu_redux", "accuracy", 100);
            case "gpqa" -> new Column("gpqa", "accuracy", 100);
            // Vendors print IFEval as prompt-level strict accuracy (DeepSeek, Qwen: "prompt strict").
            case "ifeval" -> new Column("ifeval", "prompt_level_strict_acc", 100);
            case "chartqa" -> new Column("chartqa", "relaxed_accuracy", 100);
            case "docvqa" -> new Column("docvqa", "anls", 100);
            case "mmmu" -> new Column("mmmu", "accuracy", 100);
            // pass@1 averaged over the epochs of each problem, which is what the accuracy of an --epochs run is
            case "aime" -> "aime_2024".equals(dataset) ? new Column("aime_2024", "accuracy", 100) : null;
            default -> null;
        };
    }
}
