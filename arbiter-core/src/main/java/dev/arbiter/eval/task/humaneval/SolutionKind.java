package dev.arbiter.eval.task.humaneval;

/** How a model's answer became runnable code. */
public enum SolutionKind {
    /** The answer (re)defines the entry point: prompt (for its imports and helpers) followed by the answer. */
    FULL_FUNCTION,
    /** The answer continues the prompt: prompt followed by the (re-indented) body. */
    BODY,
    /** Prompt followed by the answer as a reference harness post-processes it, verbatim ({@link HumanEvalReference}). */
    AS_REFERENCE,
    /** Nothing usable: an empty completion, or an answer without code. */
    NONE
}
