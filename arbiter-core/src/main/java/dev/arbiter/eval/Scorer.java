package dev.arbiter.eval;

/**
 * Grades a finished state. Must not call the model under test; a judge scorer holds its own client.
 * Pure scorers can re-score stored answers without any model call.
 */
public interface Scorer {
    String name();

    Score score(TaskState state);

    /**
     * The model that grades, as its client describes itself (protocol, URL, model; never a key), or null when the
     * scorer grades by rule. Part of a run's settings key: answers graded by one judge are not continued by another.
     */
    default String judge() { return null; }
}
