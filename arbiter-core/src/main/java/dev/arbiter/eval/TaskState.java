package dev.arbiter.eval;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * A sample as it moves through a solver: the conversation so far and the last model output.
 * Immutable; solvers return a new state.
 *
 * @param epoch 0-based repeat index (for --epochs K)
 */
public record TaskState(Sample sample, int epoch, List<ChatMessage> messages, GenerateResponse output,
                        List<GenerateResponse> outputs) {
    public TaskState {
        messages = List.copyOf(messages);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    public static TaskState start(Sample s, int epoch) {
        return new TaskState(s, epoch, s.input(), null, List.of());
    }

    /** The state after the model answered: the answer is appended to the conversation. */
    public TaskState withOutput(GenerateResponse r) {
        List<ChatMessage> m = new ArrayList<>(messages);
        m.add(ChatMessage.assistant(r.text()));
        List<GenerateResponse> all = new ArrayList<>(outputs);
        all.add(r);
        return new TaskState(sample, epoch, m, r, all);
    }

    public TaskState withMessages(List<ChatMessage> m) {
        return new TaskState(sample, epoch, m, output, outputs);
    }

    /** The final answer's text, or empty before any generation. */
    public String completion() { return output == null ? "" : output.text(); }
}
