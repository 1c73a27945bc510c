package dev.arbiter.eval.task.mtbench;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.eval.Generate;
import dev.arbiter.eval.Solver;
import dev.arbiter.eval.TaskState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Asks both turns: the first question, then the second with the model's own first answer in the conversation.
 * Temperature follows FastChat's {@code temperature_config} by category (0.7 for unknown categories).
 */
public final class MtBenchSolver implements Solver {
    public static final Map<String, Double> TEMPERATURE = Map.of(
            "writing", 0.7, "roleplay", 0.7, "extraction", 0.0, "math", 0.0, "coding", 0.0, "reasoning", 0.0,
            "stem", 0.1, "humanities", 0.1);

    private final GenerationConfig base;

    public MtBenchSolver(GenerationConfig base) {
        this.base = base == null ? GenerationConfig.DEFAULT : base;
    }

    public static double temperature(String category) {
        return TEMPERATURE.getOrDefault(category, 0.7);
    }

    @Override
    public TaskState solve(TaskState state, Generate generate) {
        GenerationConfig config = base.withTemperature(temperature((String) state.sample().metadata().get("category")));
        TaskState first = state.withOutput(generate.apply(GenerateRequest.chat(state.messages(), config)));
        List<ChatMessage> next = new ArrayList<>(first.messages());
        next.add(ChatMessage.user((String) state.sample().metadata().get("turn_2")));
        TaskState asked = first.withMessages(next);
        return asked.withOutput(generate.apply(GenerateRequest.chat(asked.messages(), config)));
    }
}
