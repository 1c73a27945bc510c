package dev.arbiter.cli;

import dev.arbiter.eval.Metric;
import dev.arbiter.eval.metrics.Metrics;
import dev.arbiter.eval.task.MacroMeanMetric;
import dev.arbiter.eval.task.humaneval.PassAtKMetric;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fallback when merge cannot build the shards' task again ({@link dev.arbiter.eval.engine.TaskRebuild}: shards
 * stored before they recorded how their task was built, or merged where the task's dataset is not): the metrics it
 * can make from their names in the shards' manifest alone — accuracy, mean, pass@k and the macro accuracy of
 * MMLU-style tasks. A name it cannot make is reported, never replaced by an average of the shards' values.
 */
final class MergeMetrics {
    private static final Pattern PASS_AT_K = Pattern.compile("pass@(\\d{1,4})");

    private MergeMetrics() {}

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
