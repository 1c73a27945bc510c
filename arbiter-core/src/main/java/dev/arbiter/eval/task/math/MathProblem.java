package dev.arbiter.eval.task.math;

/**
 * One MATH problem.
 *
 * @param id      MATH-500's {@code unique_id}, or the full split's {@code idx}
 * @param answer  the reference final answer (MATH-500's {@code answer}; else the last boxed value of the solution)
 * @param subject e.g. "Algebra" (MATH-500 {@code subject}, full split {@code type})
 * @param level   1–5
 */
public record MathProblem(String id, String problem, String solution, String answer, String subject, int level) {
    public MathProblem {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("id is required");
        if (problem == null) throw new IllegalArgumentException("problem is required");
        if (answer == null) throw new IllegalArgumentException("answer is required");
        if (level < 0 || level > 5) throw new IllegalArgumentException("level must be 1..5 (0 when unknown), got " + level);
    }
}
