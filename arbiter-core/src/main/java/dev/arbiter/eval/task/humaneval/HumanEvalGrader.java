package dev.arbiter.eval.task.humaneval;

import dev.arbiter.sandbox.ExecutionResult;
import dev.arbiter.sandbox.GradedProgram;
import dev.arbiter.sandbox.Outcome;
import dev.arbiter.sandbox.Sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Grades solutions where they cannot reach: the solution runs in the sandbox, the problem's {@code check} runs in a
 * separate trusted grader process with {@code candidate} bound to a proxy that calls the solution's entry point
 * over a plain-data channel (see {@link GradedProgram}). The grader's prelude is the dataset's own prompt (for
 * helpers such as {@code poly} or {@code encode_cyclic} that some tests call), never the model's version of it. A
 * solution that prints a fake success, exits 0, hooks {@code sys.excepthook} or {@code atexit}, or returns an
 * object equal to everything cannot pass: only a completed {@code check} on plain values does.
 */
public final class HumanEvalGrader {
    private final Sandbox sandbox;

    public HumanEvalGrader(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Grades one attempt on the calling thread (the sandbox bounds how many run at once). */
    public ExecutionResult grade(Attempt attempt) {
        if (!attempt.solution().runnable()) return noCode();
        return sandbox.runGraded(program(attempt));
    }

    /** Grades in parallel (the sandbox's parallelism); results in the attempts' order. */
    public List<ExecutionResult> gradeAll(List<Attempt> attempts) {
        List<GradedProgram> programs = new ArrayList<>();
        for (Attempt a : attempts) {
            if (a.solution().runnable()) programs.add(program(a));
        }
        List<ExecutionResult> ran = sandbox.runAllGraded(programs);
        List<ExecutionResult> out = new ArrayList<>();
        int next = 0;
        for (Attempt a : attempts) {
            out.add(a.solution().runnable() ? ran.get(next++) : noCode());
        }
        return out;
    }

    static GradedProgram program(Attempt a) {
        HumanEvalProblem p = a.problem();
        return new GradedProgram(a.solution().code(), p.entryPoint(), p.prompt(), p.test() + "\ncheck(candidate)\n");
    }

    private static ExecutionResult noCode() {
        return new ExecutionResult(Outcome.FAILED, null, null, "", "", false, "no code found in the answer", 0, 0);
    }
}
