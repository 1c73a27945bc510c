package dev.arbiter.eval.scorer;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.TaskState;

import java.util.List;
import java.util.Map;

/** Finished states for scorer tests: a sample and the model's reply. */
final class States {
    private States() {}

    static TaskState answered(String reply, String... targets) {
        return answered(new Sample("s1", List.of(ChatMessage.user("What is the question?")), List.of(targets), List.of(), Map.of()), reply);
    }

    static TaskState choice(String reply, String target, String... choices) {
        return answered(new Sample("s1", List.of(ChatMessage.user("Pick one.")), List.of(target), List.of(choices), Map.of()), reply);
    }

    static TaskState answered(Sample s, String reply) {
        return TaskState.start(s, 0).withOutput(new GenerateResponse(reply, null, "stop", null, null, null, "test"));
    }
}
