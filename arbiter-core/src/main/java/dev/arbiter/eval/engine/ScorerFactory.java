package dev.arbiter.eval.engine;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Scorer;

import java.util.List;

/**
 * Scorers by name, for re-scoring stored answers ({@code ./arbiter rescore RUN_ID --scorer NAME}) and for tasks
 * that accept {@code --scorer}. An unknown name is an InvalidInputException that lists {@link #names()}.
 */
public interface ScorerFactory {
    Scorer create(String name);

    List<String> names();

    /** A factory that knows no scorer (until the scorer catalogue is wired in). */
    static ScorerFactory none() {
        return new ScorerFactory() {
            @Override
            public Scorer create(String name) {
                throw new InvalidInputException("unknown scorer '" + name + "'; no scorers are registered");
            }

            @Override
            public List<String> names() {
                return List.of();
            }
        };
    }
}
