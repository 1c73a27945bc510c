package dev.arbiter.eval.solver;

import dev.arbiter.eval.Generate;
import dev.arbiter.eval.Solver;
import dev.arbiter.eval.TaskState;

import java.util.List;

/** Runs solvers in order, each on the state the previous one returned. */
public record ChainSolver(List<Solver> steps) implements Solver {
    public ChainSolver {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) throw new IllegalArgumentException("a solver chain needs at least one step");
    }

    public static ChainSolver of(Solver... steps) {
        return new ChainSolver(List.of(steps));
    }

    @Override
    public TaskState solve(TaskState state, Generate generate) {
        TaskState s = state;
        for (Solver step : steps) s = step.solve(s, generate);
        return s;
    }
}
