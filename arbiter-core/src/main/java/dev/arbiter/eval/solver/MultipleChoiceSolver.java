package dev.arbiter.eval.solver;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Generate;
import dev.arbiter.eval.Solver;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.scorer.ChoiceLetters;

import java.util.ArrayList;
import java.util.List;

/**
 * Formats the last user message as a lettered question and asks for the letter:
 * <pre>
 * Question
 * A. first option
 * B. second option
 * Answer with the letter of the correct option (A, B).
 * </pre>
 * It does not call the model; chain it before a {@link GenerateSolver}.
 */
public record MultipleChoiceSolver(String instruction) implements Solver {
    public static final String DEFAULT_INSTRUCTION = "Answer with the letter of the correct option";

    public MultipleChoiceSolver {
        instruction = instruction == null || instruction.isBlank() ? DEFAULT_INSTRUCTION : instruction;
    }

    public MultipleChoiceSolver() {
        this(null);
    }

    @Override
    public TaskState solve(TaskState state, Generate generate) {
        List<String> choices = state.sample().choices();
        if (choices.isEmpty()) throw new InvalidInputException("sample " + state.sample().id() + " has no choices for a multiple-choice prompt");
        if (choices.size() > ChoiceLetters.MAX) throw new InvalidInputException("sample " + state.sample().id() + " has more than 26 choices");
        List<ChatMessage> m = new ArrayList<>(state.messages());
        int last = PromptTemplateSolver.lastUser(m);
        if (last < 0) throw new IllegalStateException("sample " + state.sample().id() + " has no user message");
        m.set(last, ChatMessage.user(format(m.get(last).content(), choices)));
        return state.withMessages(m);
    }

    String format(String question, List<String> choices) {
        StringBuilder b = new StringBuilder(question.strip()).append('\n');
        List<String> letters = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            String l = ChoiceLetters.letter(i);
            letters.add(l);
            b.append(l).append(". ").append(choices.get(i)).append('\n');
        }
        return b.append(instruction).append(" (").append(String.join(", ", letters)).append(").").toString();
    }
}
