package dev.arbiter.eval.task.humaneval;

/**
 * The code that stands for {@code prompt + completion} in the graded program.
 *
 * @param code empty when {@code kind} is {@link SolutionKind#NONE}
 */
public record Solution(SolutionKind kind, String code) {
    public Solution {
        if (kind == null) throw new IllegalArgumentException("kind is required");
        code = code == null ? "" : code;
    }

    static Solution none() { return new Solution(SolutionKind.NONE, ""); }

    public boolean runnable() { return kind != SolutionKind.NONE; }
}
