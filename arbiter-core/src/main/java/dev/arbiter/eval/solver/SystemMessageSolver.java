package dev.arbiter.eval.solver;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.eval.Generate;
import dev.arbiter.eval.Solver;
import dev.arbiter.eval.TaskState;

import java.util.ArrayList;
import java.util.List;

/** Adds a system message after any the conversation already starts with (so a sample's own system prompt comes first). */
public record SystemMessageSolver(String text) implements Solver {
    public SystemMessageSolver {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("system message text is required");
    }

    @Override
    public TaskState solve(TaskState state, Generate generate) {
        List<ChatMessage> m = new ArrayList<>(state.messages());
        int at = 0;
        while (at < m.size() && m.get(at).role().equals("system")) at++;
        m.add(at, ChatMessage.system(text));
        return state.withMessages(m);
    }
}
