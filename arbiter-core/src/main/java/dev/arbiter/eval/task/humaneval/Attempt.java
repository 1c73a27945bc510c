package dev.arbiter.eval.task.humaneval;

/** One solution to grade for one problem (a problem has as many attempts as samples, i.e. epochs). */
public record Attempt(HumanEvalProblem problem, Solution solution) {
    public Attempt {
        if (problem == null) throw new IllegalArgumentException("problem is required");
        if (solution == null) throw new IllegalArgumentException("solution is required");
    }
}
