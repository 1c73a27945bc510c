package dev.arbiter.eval.task;

import dev.arbiter.client.GenerationConfig;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.EvalSetting;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.task.humaneval.CodeExtractor;
import dev.arbiter.eval.task.humaneval.HumanEvalData;
import dev.arbiter.eval.task.humaneval.HumanEvalGrader;
import dev.arbiter.eval.task.humaneval.HumanEvalLoader;
import dev.arbiter.eval.task.humaneval.HumanEvalOptions;
import dev.arbiter.eval.task.humaneval.HumanEvalProblem;
import dev.arbiter.eval.task.humaneval.HumanEvalScorer;
import dev.arbiter.eval.task.humaneval.HumanEvalSolver;
import dev.arbiter.eval.task.humaneval.OutcomeCountMetric;
import dev.arbiter.eval.task.humaneval.PassAtKMetric;
import dev.arbiter.eval.task.humaneval.HumanEvalReference;
import dev.arbiter.eval.task.humaneval.PromptMode;
import dev.arbiter.sandbox.Outcome;
import dev.arbiter.sandbox.Sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HumanEval (Chen et al. 2021): 164 Python functions to complete, graded by running their unit tests in the
 * {@link Sandbox}. Score 1.0 = tests passed; metadata "outcome" says passed / failed / timed_out / sandbox_error.
 * Metrics: pass@k for each requested k (over epochs) and the count of each outcome.
 */
public final class HumanEvalTask {
    public static final String NAME = "humaneval";
    /** Bump when the prompt, the extraction or the grading changes. */
    public static final int VERSION = 2;

    private HumanEvalTask() {}

    /** Loads the problems and opens a sandbox (probing this machine). */
    public static Task create(Path data, HumanEvalOptions options) {
        return create(data, options, Sandbox.open(options.sandbox()));
    }

    /**
     * With a sandbox the caller already opened, e.g. to print {@link Sandbox#report()} warnings before the run.
     */
    public static Task create(Path data, HumanEvalOptions options, Sandbox sandbox) {
        return create(data, options, sandbox, null);
    }

    /**
     * The stop sequences of lm-eval's {@code humaneval.yaml} (EleutherAI/lm-evaluation-harness 4e7e0d47), which are
     * also the Codex paper's (Chen et al. 2021, §3.3) that openai/human-eval accompanies.
     */
    public static final List<String> REFERENCE_STOPS = List.of("\nclass", "\ndef", "\n#", "\nif", "\nprint");

    /**
     * @param harness null or {@code arbiter} for Arbiter's prompts; {@code lm-eval}: the raw prompt as a completion,
     *                {@link #REFERENCE_STOPS}, 1024 tokens, greedy ({@code humaneval.yaml}); {@code human-eval}: the
     *                same request sampled as the Codex paper's pass@1 (temperature 0.2, top_p 0.95). Either way the
     *                code is graded by running prompt + completion against the tests in the sandbox.
     */
    /**
     * A reference harness's chat HumanEval ({@link HumanEvalReference}): its turns and settings, its post-processing of
     * the answer, graded in the sandbox. {@code options} gives the sandbox and the pass@k to report.
     */
    public static Task createReference(Path data, HumanEvalOptions options, Sandbox sandbox, HumanEvalReference ref) {
        HumanEvalData loaded = new HumanEvalLoader().load(data);
        Map<String, HumanEvalProblem> byId = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        for (HumanEvalProblem p : loaded.problems()) {
            byId.put(p.taskId(), p);
            samples.add(new Sample(p.taskId(), ref.messages(p), List.of(p.canonicalSolution()), List.of(),
                    Map.of("entry_point", p.entryPoint())));
        }
        List<Metric> metrics = new ArrayList<>();
        for (int k : options.ks()) metrics.add(new PassAtKMetric(k));
        for (Outcome o : List.of(Outcome.PASSED, Outcome.FAILED, Outcome.TIMED_OUT)) metrics.add(new OutcomeCountMetric(o));
        String harness = ref == HumanEvalReference.LM_EVAL_INSTRUCT ? "lm-eval" : "simple-evals";
        return new Task(NAME, VERSION, new Dataset(NAME, loaded.path(), loaded.sha256(), samples),
                new dev.arbiter.eval.solver.GenerateSolver(ref.config()),
                new HumanEvalScorer(byId, PromptMode.CHAT, new HumanEvalGrader(sandbox), ref),
                metrics, ref.config(), new EvalSetting(harness, 0, null, null));
    }

    public static Task create(Path data, HumanEvalOptions options, Sandbox sandbox, String harness) {
        boolean reference = harness != null && !harness.equals("arbiter");
        if (reference) {
            options = new HumanEvalOptions(PromptMode.COMPLETION, options.sandbox(), options.ks(), options.temperature(), options.maxTokens());
        }
        HumanEvalData loaded = new HumanEvalLoader().load(data);
        Map<String, HumanEvalProblem> byId = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        for (HumanEvalProblem p : loaded.problems()) {
            byId.put(p.taskId(), p);
            samples.add(new Sample(p.taskId(), HumanEvalSolver.input(p, options.mode()), List.of(p.canonicalSolution()), List.of(),
                    Map.of("entry_point", p.entryPoint())));
        }
        GenerationConfig config = !reference ? new GenerationConfig(options.temperature(), null, options.maxTokens(), null,
                options.mode() == PromptMode.COMPLETION ? CodeExtractor.STOP_SEQUENCES : null, null, null)
                : harness.equals("lm-eval") ? new GenerationConfig(0.0, null, 1024, null, REFERENCE_STOPS, null, null)
                : new GenerationConfig(0.2, 0.95, options.maxTokens(), null, REFERENCE_STOPS, null, null);
        HumanEvalGrader grader = new HumanEvalGrader(sandbox);
        List<Metric> metrics = new ArrayList<>();
        for (int k : options.ks()) metrics.add(new PassAtKMetric(k));
        for (Outcome o : List.of(Outcome.PASSED, Outcome.FAILED, Outcome.TIMED_OUT)) {
            metrics.add(new OutcomeCountMetric(o));
        }
        return new Task(NAME, VERSION, new Dataset(NAME, loaded.path(), loaded.sha256(), samples),
                new HumanEvalSolver(byId, options.mode(), config), new HumanEvalScorer(byId, options.mode(), grader),
                metrics, config, new EvalSetting(reference ? harness : "arbiter", 0, null, null));
    }
}
