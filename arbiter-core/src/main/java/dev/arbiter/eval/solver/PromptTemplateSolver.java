package dev.arbiter.eval.solver;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Generate;
import dev.arbiter.eval.Solver;
import dev.arbiter.eval.TaskState;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the last user message through a template: {@code {prompt}} becomes the message's text. Substitution is
 * literal and happens once, so braces in the prompt itself are left alone.
 */
public record PromptTemplateSolver(String template) implements Solver {
    public static final String PLACEHOLDER = "{prompt}";

    public PromptTemplateSolver {
        if (template == null || !template.contains(PLACEHOLDER)) {
            throw new InvalidInputException("prompt template must contain " + PLACEHOLDER + ", got: " + template);
        }
    }

    @Override
    public TaskState solve(TaskState state, Generate generate) {
        List<ChatMessage> m = new ArrayList<>(state.messages());
        int last = lastUser(m);
        if (last < 0) throw new IllegalStateException("sample " + state.sample().id() + " has no user message to template");
        m.set(last, ChatMessage.user(fill(m.get(last).content())));
        return state.withMessages(m);
    }

    String fill(String prompt) {
        int at = template.indexOf(PLACEHOLDER);
        StringBuilder b = new StringBuilder();
        int from = 0;
        while (at >= 0) {
            b.append(template, from, at).append(prompt);
            from = at + PLACEHOLDER.length();
            at = template.indexOf(PLACEHOLDER, from);
        }
        return b.append(template.substring(from)).toString();
    }

    static int lastUser(List<ChatMessage> m) {
        for (int i = m.size() - 1; i >= 0; i--) if (m.get(i).role().equals("user")) return i;
        return -1;
    }
}
