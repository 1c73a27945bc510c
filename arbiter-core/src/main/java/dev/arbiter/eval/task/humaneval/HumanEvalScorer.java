package dev.arbiter.eval.task.humaneval;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;
import dev.arbiter.sandbox.ExecutionResult;
import dev.arbiter.sandbox.Outcome;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Extracts the solution from the answer and runs the problem's tests in the sandbox: 1.0 when they pass, 0.0
 * otherwise, a sandbox error while the solution ran included ({@link Outcome#passScore()}: the solution may have
 * caused it, and leaving it unscored would drop a wrong answer from pass@k's denominator). Metadata: {@value #OUTCOME} (an
 * {@link Outcome#label()}), solution_kind, exit_code, signal, wall_ms and the tail of stderr.
 */
public final class HumanEvalScorer implements Scorer {
    public static final String OUTCOME = "outcome";
    static final int STDERR_TAIL_CHARS = 2000;

    private final Map<String, HumanEvalProblem> problems;
    private final PromptMode mode;
    private final HumanEvalGrader grader;
    private final HumanEvalReference reference;

    public HumanEvalScorer(Map<String, HumanEvalProblem> problems, PromptMode mode, HumanEvalGrader grader) {
        this(problems, mode, grader, null);
    }

    /** @param reference whose post-processing makes the code (then {@code mode} is not used); null → Arbiter's extraction */
    public HumanEvalScorer(Map<String, HumanEvalProblem> problems, PromptMode mode, HumanEvalGrader grader, HumanEvalReference reference) {
        this.problems = Map.copyOf(problems);
        this.mode = mode;
        this.grader = grader;
        this.reference = reference;
    }

    @Override
    public String name() { return reference == null ? "humaneval_sandbox" : reference.scorerName(); }

    @Override
    public Score score(TaskState state) {
        HumanEvalProblem p = problems.get(state.sample().id());
        if (p == null) throw new IllegalStateException("no HumanEval problem with id " + state.sample().id());
        Solution solution = reference != null ? reference.solution(state.completion(), p)
                : mode == PromptMode.CHAT
                ? CodeExtractor.fromChat(state.completion(), p)
                : CodeExtractor.fromCompletion(state.completion(), p);
        ExecutionResult r = grader.grade(new Attempt(p, solution));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put(OUTCOME, r.outcome().label());
        meta.put("solution_kind", solution.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (r.exitCode() != null) meta.put("exit_code", r.exitCode());
        if (r.signal() != null) meta.put("signal", r.signal());
        meta.put("wall_ms", r.wallMillis());
        if (r.outputTruncated()) meta.put("output_truncated", true);
        String err = r.stderr();
        if (!err.isEmpty()) {
            meta.put("stderr_tail", err.length() <= STDERR_TAIL_CHARS ? err
                    : err.substring(err.length() - STDERR_TAIL_CHARS));
        }
        return new Score(r.outcome().passScore(), solution.code(), r.detail(), meta);
    }
}
