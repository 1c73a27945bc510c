package dev.arbiter.cli;

import dev.arbiter.eval.Metric;
import dev.arbiter.eval.engine.RunManifest;
import dev.arbiter.eval.engine.TaskRebuild;
import dev.arbiter.eval.engine.TaskRegistry;
import dev.arbiter.eval.metrics.Metrics;
import dev.arbiter.eval.task.MacroMeanMetric;
import dev.arbiter.eval.task.StandardTasks;
import dev.arbiter.eval.task.humaneval.PassAtKMetric;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored run's metrics for merge and rescore. The fallback when the run's task cannot be built again ({@link dev.arbiter.eval.engine.TaskRebuild}: shards
 * stored before they recorded how their task was built, or merged where the task's dataset is not): the metrics it
 * can make from their names in the shards' manifest alone — accuracy, mean, pass@k and the macro accuracy of
 * MMLU-style tasks. A name it cannot make is reported, never replaced by an average of the shards' values.
 */
final class MergeMetrics {
    private static final Pattern PASS_AT_K = Pattern.compile("pass@(\\d{1,4})");

    private MergeMetrics() {}

    /**
     * The run's task built again from the recipe its manifest records, so every metric of the task is computed as the
     * original run computed it (merge: over all the shards' answers; rescore: over the new grades). Runs stored before
     * recipes were recorded (or whose dataset is not here) get the metrics {@link #of} can name, and stderr says which
     * are missing and why ({@code remedy}).
     */
    static List<Metric> ofRun(RunManifest run, String command, String remedy, PrintWriter err) {
        TaskRegistry tasks = EvalCommand.registry != null ? EvalCommand.registry.get()
                : StandardTasks.registry(NoJudge.INSTANCE, problem -> { }, warning -> { });
        TaskRebuild.Result rebuilt = TaskRebuild.metrics(run, tasks);
        if (rebuilt.rebuilt()) return rebuilt.metrics();
        List<String> skipped = new ArrayList<>();
        List<Metric> named = of(run.task(), run.metrics(), skipped::add);
        err.println("arbiter: " + command + ": " + rebuilt.problem() + "; recomputed only "
                + String.join(", ", named.stream().map(Metric::name).toList())
                + (skipped.isEmpty() ? "" : "; not recomputed: " + String.join(", ", skipped) + " (" + remedy + ")"));
        return named;
    }

    static List<Metric> of(String task, List<String> names, Consumer<String> notRecomputed) {
        List<Metric> out = new ArrayList<>();
        for (String name : names) {
            Matcher k = PASS_AT_K.matcher(name);
            if (Metrics.NAMES.contains(name)) out.add(Metrics.named(name));
            else if (k.matches()) out.add(new PassAtKMetric(Integer.parseInt(k.group(1))));
            else if (name.equals("macro_accuracy")) out.add(new MacroMeanMetric(name, task.startsWith("mmlu_pro") ? "category" : "subject"));
            else notRecomputed.accept(name);
        }
        if (out.isEmpty()) out.add(Metrics.named("accuracy"));
        return out;
    }
}
