package dev.arbiter.eval.solver;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.eval.Generate;
import dev.arbiter.eval.Solver;
import dev.arbiter.eval.TaskState;

/**
 * Sends the sample's text as a raw completion prompt ({@code /v1/completions}), as lm-eval's local-completions model
 * and the base-model harnesses do: no chat template, the prompt is the text of the single user turn, byte for byte.
 * A sample with another shape (a system turn, several turns) is a task bug.
 */
public record CompletionSolver(GenerationConfig config) implements Solver {
    public CompletionSolver {
        config = config == null ? GenerationConfig.DEFAULT : config;
    }

    @Override
    public TaskState solve(TaskState state, Generate generate) {
        if (state.messages().size() != 1 || !"user".equals(state.messages().get(0).role())) {
            throw new IllegalStateException("a completion prompt needs exactly one user turn, sample " + state.sample().id()
                    + " has " + state.messages().stream().map(ChatMessage::role).toList());
        }
        return state.withOutput(generate.apply(GenerateRequest.completion(state.messages().get(0).content(), config)));
    }
}
