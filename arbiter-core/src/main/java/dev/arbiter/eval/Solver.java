package dev.arbiter.eval;

/** Turns a sample into an answer (Inspect's Solver): prompt building, one or more model calls. */
@FunctionalInterface
public interface Solver {
    TaskState solve(TaskState state, Generate generate);
}
