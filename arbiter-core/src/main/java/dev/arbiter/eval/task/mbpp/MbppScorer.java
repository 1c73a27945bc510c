package dev.arbiter.eval.task.mbpp;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.task.humaneval.CodeExtractor;
import dev.arbiter.eval.task.humaneval.HumanEvalProblem;
import dev.arbiter.eval.task.humaneval.HumanEvalScorer;
import dev.arbiter.eval.task.humaneval.Solution;
import dev.arbiter.sandbox.ExecutionResult;
import dev.arbiter.sandbox.GradedProgram;
import dev.arbiter.sandbox.Sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Grades MBPP as HumanEval is graded, where the answer cannot reach: the model's code runs in the sandbox; the
 * problem's asserts (or MBPP+'s hidden suite) run in the separate trusted grader process, calling the entry point
 * through the plain-data channel. 1.0 when every assert held, 0.0 otherwise, a sandbox error
 * while the code ran included (scored as HumanEval's, see {@link dev.arbiter.sandbox.Outcome#passScore()}). The code is cut at MBPP's "[DONE]" marker and taken from a fenced block when there is one.
 */
public final class MbppScorer implements Scorer {
    private final Map<String, MbppProblem> problems;
    private final Sandbox sandbox;
    private final String name;

    public MbppScorer(Map<String, MbppProblem> problems, Sandbox sandbox, String name) {
        this.problems = Map.copyOf(problems);
        this.sandbox = sandbox;
        this.name = name;
    }

    @Override
    public String name() { return name; }

    @Override
    public Score score(TaskState state) {
        MbppProblem p = problems.get(state.sample().id());
        if (p == null) throw new IllegalStateException("no MBPP problem with id " + state.sample().id());
        String answer = state.completion() == null ? "" : state.completion();
        int done = answer.indexOf("[DONE]");
        if (done >= 0) answer = answer.substring(0, done);
        // The extractor finds the code that defines the entry point; the stub prompt is a comment, so a whole
        // function from the model is taken as is.
        Solution solution = CodeExtractor.fromChat(answer, new HumanEvalProblem(p.taskId(), "# MBPP " + p.taskId() + "\n",
                p.entryPoint(), "", "pass"));
        Map<String, Object> meta = new LinkedHashMap<>();
        if (!solution.runnable()) {
            meta.put(HumanEvalScorer.OUTCOME, "failed");
            return new Score(0.0, null, "no code found in the answer", meta);
        }
        ExecutionResult r = sandbox.runGraded(new GradedProgram(solution.code(), p.entryPoint(), p.setup(), p.gradingTest()));
        meta.put(HumanEvalScorer.OUTCOME, r.outcome().label());
        meta.put("wall_ms", r.wallMillis());
        return new Score(r.outcome().passScore(), solution.code(), r.detail(), meta);
    }
}
