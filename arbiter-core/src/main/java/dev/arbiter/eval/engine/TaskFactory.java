package dev.arbiter.eval.engine;

import dev.arbiter.eval.Task;

/** Builds a task from command-line parameters; throws InvalidInputException for a bad dataset or parameter. */
@FunctionalInterface
public interface TaskFactory {
    Task create(TaskParams params);
}
