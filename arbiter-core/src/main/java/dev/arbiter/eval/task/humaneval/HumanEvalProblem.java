package dev.arbiter.eval.task.humaneval;

/**
 * One HumanEval problem as published (openai/human-eval, data/HumanEval.jsonl.gz).
 *
 * @param prompt            imports, signature and docstring of {@code entryPoint} (sometimes helper functions
 *                          first); a complete module on its own, since a docstring is a valid function body
 * @param canonicalSolution the reference body, to be appended to the prompt
 * @param test              defines {@code check(candidate)}, which asserts on the candidate's results
 */
public record HumanEvalProblem(String taskId, String prompt, String entryPoint, String canonicalSolution,
                               String test) {
    public HumanEvalProblem {
        require("task_id", taskId);
        require("prompt", prompt);
        require("entry_point", entryPoint);
        require("test", test);
        if (canonicalSolution == null) throw new IllegalArgumentException("canonical_solution is required");
        if (!entryPoint.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("entry_point must be a Python identifier, got '" + entryPoint + "'");
        }
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(field + " is required");
    }

    /**
     * The program that grades a solution: {@code solution + "\n" + test + "\n" + "check(entry_point)"}, where
     * {@code solution} is what stands for {@code prompt + completion} (see {@link CodeExtractor}).
     */
    public String program(String solution) {
        return solution + "\n" + test + "\n" + "check(" + entryPoint + ")\n";
    }

    /** The reference solution: prompt followed by the canonical body. */
    public String canonicalProgramHead() {
        return prompt + canonicalSolution;
    }
}
