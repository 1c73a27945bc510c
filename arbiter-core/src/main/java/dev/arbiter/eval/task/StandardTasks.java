package dev.arbiter.eval.task;

import dev.arbiter.client.ModelClient;
import dev.arbiter.eval.dataset.DataProblem;
import dev.arbiter.eval.engine.TaskRegistry;
import dev.arbiter.eval.harness.HarnessProfile;
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
    /** openai/human-eval data/HumanEval.jsonl.gz, pinned to the digest in datasets/humaneval/SOURCE.md. */
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
            HumanEvalOptions o = HumanEvalOptions.fromOptions(withDefaultKs(p.options()));
            Path data = p.data() != null ? p.data() : (cache == null ? DatasetCache.standard() : cache).fetch(HUMANEVAL);
            Sandbox sandbox = Sandbox.open(o.sandbox());
            sandbox.report().warnings().forEach(warn);
            HarnessProfile h = HarnessProfile.of(p.options());
            if (h != HarnessProfile.ARBITER && h != HarnessProfile.LM_EVAL && h != HarnessProfile.HUMAN_EVAL && h != HarnessProfile.SIMPLE_EVALS) {
                throw HarnessProfile.unsupported("humaneval", h, "arbiter, lm-eval, human-eval, simple-evals");
            }
            // lm-eval with --option mode=chat is humaneval_instruct; simple-evals asks in chat only
            boolean chat = "chat".equalsIgnoreCase(p.options().getOrDefault("mode", "").strip());
            if (h == HarnessProfile.SIMPLE_EVALS || h == HarnessProfile.LM_EVAL && chat) {
                return HumanEvalTask.createReference(data, o, sandbox, h == HarnessProfile.SIMPLE_EVALS
                        ? dev.arbiter.eval.task.humaneval.HumanEvalReference.SIMPLE_EVALS
                        : dev.arbiter.eval.task.humaneval.HumanEvalReference.LM_EVAL_INSTRUCT);
            }
            return HumanEvalTask.create(data, o, sandbox, h.id());
        });
        dev.arbiter.eval.task.vision.VisionTasks.registerAll(r);
        MoreBenchmarks.registerAll(r);
        for (String mbpp : java.util.List.of(MbppTask.NAME, MbppTask.PLUS)) {
            r.register(mbpp, p -> {
                // Same --option k=… and sandbox options as humaneval.
                HumanEvalOptions o = HumanEvalOptions.fromOptions(withDefaultKs(p.options()));
                Sandbox sandbox = Sandbox.open(o.sandbox());
                sandbox.report().warnings().forEach(warn);
                return MbppTask.create(mbpp, p.data(), o.ks(), sandbox);
            });
        }
        r.register(LiveCodeBenchTask.NAME, p -> {
            HumanEvalOptions o = HumanEvalOptions.fromOptions(withDefaultKs(p.options()));
            Sandbox sandbox = Sandbox.open(o.sandbox());
            sandbox.report().warnings().forEach(warn);
            return LiveCodeBenchTask.create(p.data(), p.options().get("since"), p.options().get("until"), o.ks(), sandbox);
        });
        return BenchmarkTasks.registerAll(r, judge, cache);
    }

    /**
     * With {@code --epochs n} and no {@code --option k=…}: pass@1, pass@10 when n ≥ 10, and pass@n — the
     * estimates n samples per problem support (the engine puts the epoch count in the options as {@code epochs}).
     */
    static java.util.Map<String, String> withDefaultKs(java.util.Map<String, String> options) {
        if (options.containsKey("k") || !options.containsKey("epochs")) return options;
        int n;
        try {
            n = Integer.parseInt(options.get("epochs"));
        } catch (NumberFormatException e) {
            return options;
        }
        java.util.TreeSet<Integer> ks = new java.util.TreeSet<>(java.util.List.of(1, Math.max(1, n)));
        if (n >= 10) ks.add(10);
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>(options);
        out.put("k", ks.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
        return out;
    }
}
