package dev.arbiter.eval;

/**
 * Grades a finished state. Must not call the model under test; a judge scorer holds its own client.
 * Pure scorers can re-score stored answers without any model call.
 */
public interface Scorer {
    String name();

    Score score(TaskState state);
}
