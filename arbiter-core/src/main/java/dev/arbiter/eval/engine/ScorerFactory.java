package dev.arbiter.eval.engine;

import dev.arbiter.eval.Scorer;

import java.util.List;

/**
 * Scorers by name, for re-scoring stored answers ({@code ./arbiter rescore RUN_ID --scorer NAME}) and for tasks
 * that accept {@code --scorer}. An unknown name is an InvalidInputException that lists {@link #names()}.
 */
public interface ScorerFactory {
    Scorer create(String name);

    List<String> names();
}
