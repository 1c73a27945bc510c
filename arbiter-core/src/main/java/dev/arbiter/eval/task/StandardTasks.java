package dev.arbiter.eval.task;

import dev.arbiter.client.ModelClient;
import dev.arbiter.eval.dataset.DataProblem;
import dev.arbiter.eval.engine.TaskRegistry;
import dev.arbiter.eval.task.humaneval.HumanEvalOptions;
import dev.arbiter.sandbox.Sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Every task the command line knows: {@code custom}, {@code humaneval}, {@code mmlu}, {@code gsm8k}, {@code math},
 * {@code math500}, {@code mt_bench}, {@code niah}. Lives with the tasks so the engine does not depend on them.
 */
public final class StandardTasks {
    /** openai/human-eval data/HumanEval.jsonl.gz, pinned to the digest in shared/datasets/humaneval/SOURCE.md. */
    public static final DatasetCache.Source HUMANEVAL = new DatasetCache.Source("humaneval", "HumanEval.jsonl.gz",
            URI.create("https://raw.githubusercontent.com/openai/human-eval/6d43fb980f9fee3c892a914eda09951f772ad10d/data/HumanEval.jsonl.gz"),
            "b796127e635a67f93fb35c04f4cb03cf06f38c8072ee7cee8833d7bee06979ef");

    private StandardTasks() {}

    /**
     * @param judge    judge model for {@code mt_bench} and the {@code judge} scorer, or null
     * @param skipped  told about each row {@code --skip-invalid} drops
     * @param warn     told, before any generated code runs, what the sandbox cannot guarantee on this machine
     */
    public static TaskRegistry registry(ModelClient judge, Consumer<DataProblem> skipped, Consumer<String> warn) {
        return registry(judge, skipped, warn, null);
    }

    /** As above, downloading canonical files into {@code cache} (null → {@link DatasetCache#standard()}). */
    public static TaskRegistry registry(ModelClient judge, Consumer<DataProblem> skipped, Consumer<String> warn, DatasetCache cache) {
        TaskRegistry r = new TaskRegistry();
        r.register(CustomTask.NAME, new CustomTask(judge, null, skipped));
        r.register(HumanEvalTask.NAME, p -> {
            HumanEvalOptions o = HumanEvalOptions.fromOptions(p.options());
            Path data = p.data() != null ? p.data() : (cache == null ? DatasetCache.standard() : cache).fetch(HUMANEVAL);
            Sandbox sandbox = Sandbox.open(o.sandbox());
            sandbox.report().warnings().forEach(warn);
            return HumanEvalTask.create(data, o, sandbox);
        });
        return BenchmarkTasks.registerAll(r, judge, cache);
    }
}
