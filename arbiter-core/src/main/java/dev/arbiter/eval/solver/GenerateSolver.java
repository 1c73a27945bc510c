package dev.arbiter.eval.solver;

import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.eval.Generate;
import dev.arbiter.eval.Solver;
import dev.arbiter.eval.TaskState;

/** Sends the conversation so far to the model with the task's sampling settings and appends the reply. */
public record GenerateSolver(GenerationConfig config) implements Solver {
    public GenerateSolver {
        config = config == null ? GenerationConfig.DEFAULT : config;
    }

    @Override
    public TaskState solve(TaskState state, Generate generate) {
        return state.withOutput(generate.apply(GenerateRequest.chat(state.messages(), config)));
    }
}
