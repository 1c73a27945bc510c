package dev.arbiter.eval.task;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.solver.GenerateSolver;
import dev.arbiter.eval.task.humaneval.OutcomeCountMetric;
import dev.arbiter.eval.task.humaneval.PassAtKMetric;
import dev.arbiter.eval.task.mbpp.MbppLoader;
import dev.arbiter.eval.task.mbpp.MbppProblem;
import dev.arbiter.eval.task.mbpp.MbppScorer;
import dev.arbiter.sandbox.Outcome;
import dev.arbiter.sandbox.Sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MBPP (Austin et al. 2021) and MBPP+ (EvalPlus): write a Python function from one sentence and its three asserts.
 * The prompt is lm-eval's ({@code mbpp.yaml}: "You are an expert Python programmer, and here is your task: {text}
 * Your code should pass these tests:\n\n{tests}\n[BEGIN]\n", generation stopped at "[DONE]"), zero-shot. Graded in
 * the trusted grader (see {@link MbppScorer}); pass@k over {@code --epochs} as for HumanEval. {@code mbpp_plus}
 * grades with the data's hidden {@code test} (EvalPlus's extra inputs) and refuses data that has none.
 */
public final class MbppTask {
    public static final String NAME = "mbpp";
    public static final String PLUS = "mbpp_plus";
    public static final int VERSION = 1;
    static final GenerationConfig CONFIG = new GenerationConfig(0.0, null, 512, null, List.of("[DONE]"), null, null);

    private MbppTask() {}

    static String prompt(MbppProblem p) {
        return "You are an expert Python programmer, and here is your task: " + p.text() + " Your code should pass these tests:\n\n"
                + String.join("\n", p.shownTests()) + "\n[BEGIN]\n";
    }

    public static Task create(String name, Path data, List<Integer> ks, Sandbox sandbox) {
        if (data == null) throw new InvalidInputException(name + " needs --data: mbpp.jsonl (google-research/mbpp), the sanitized JSON, or MbppPlus.jsonl (EvalPlus)");
        boolean plus = name.equals(PLUS);
        List<MbppProblem> problems = MbppLoader.load(data);
        Map<String, MbppProblem> byId = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        for (MbppProblem p : problems) {
            if (plus && p.hiddenTest() == null) {
                throw new InvalidInputException(data + ": task " + p.taskId() + " has no hidden 'test' (MBPP+ needs EvalPlus's MbppPlus.jsonl; plain MBPP is --task mbpp)");
            }
            MbppProblem graded = plus ? p : new MbppProblem(p.taskId(), p.text(), p.entryPoint(), p.shownTests(), p.setup(), null);
            byId.put(p.taskId(), graded);
            samples.add(new Sample(p.taskId(), List.of(ChatMessage.user(prompt(p))), List.of(), List.of(), Map.of("entry_point", p.entryPoint())));
        }
        List<Metric> metrics = new ArrayList<>();
        for (int k : ks) metrics.add(new PassAtKMetric(k));
        for (Outcome o : List.of(Outcome.PASSED, Outcome.FAILED, Outcome.TIMED_OUT)) metrics.add(new OutcomeCountMetric(o));
        String sha = Files.isRegularFile(data) ? DatasetCache.sha256(data) : null;
        return new Task(name, VERSION, new Dataset(name, data.toString(), sha, samples), new GenerateSolver(CONFIG),
                new MbppScorer(byId, sandbox, plus ? "mbpp_plus_sandbox" : "mbpp_sandbox"), metrics, CONFIG);
    }
}
