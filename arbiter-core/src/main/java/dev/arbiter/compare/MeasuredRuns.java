package dev.arbiter.compare;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.engine.MetricSummary;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.engine.RunStatus;
import dev.arbiter.eval.engine.TaskResult;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

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

    /** @param runsByModel catalogue model id → run id */
    public static Map<String, Map<String, Comparison.Measured>> read(RunReader reader, Map<String, String> runsByModel) {
        Map<String, Map<String, Comparison.Measured>> out = new HashMap<>();
        for (var e : runsByModel.entrySet()) {
            RunRecord r = reader.record(e.getValue());
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
                        .put(c.benchmark(), new Comparison.Measured(s.value() * c.scale(), r.runId(), setting(r, t), Progress.of(r, t)));
            }
        }
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
     * How far a run got: its status and the answers it stored of those planned (samples × epochs). A figure from a
     * run that is not complete — not completed, or with answers missing — is not comparable with a published one:
     * without --limit a run answers in dataset order (MMLU subject after subject), so a partial run is a biased
     * subset, not a smaller sample (an MMLU run killed at 44 of 350 answers measured 75.0; the full run 60.0).
     */
    public record Progress(String status, int answered, int planned) {
        public static Progress of(RunRecord r, TaskResult t) {
            return new Progress(r.status().name(), Math.max(0, t.planned() - t.missing()), t.planned());
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
