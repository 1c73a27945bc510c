package dev.arbiter.eval.task.mtbench;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.TaskState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MtBenchSolverTest {
    @Test
    void sendsTheSecondTurnWithTheModelsOwnFirstAnswerAtTheCategorysTemperature() {
        List<GenerateRequest> sent = new ArrayList<>();
        Sample s = new Sample("81", List.of(ChatMessage.user("first?")), List.of(), List.of(),
                Map.of("question_id", 81, "category", "writing", "turn_2", "second?"));
        TaskState done = new MtBenchSolver(null).solve(TaskState.start(s, 0), r -> {
            sent.add(r);
            return new GenerateResponse("answer " + sent.size(), null, "stop", null, null, null, "m");
        });
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).messages()).containsExactly(ChatMessage.user("first?"), ChatMessage.assistant("answer 1"),
                ChatMessage.user("second?"));
        assertThat(sent).allSatisfy(r -> assertThat(r.config().temperature()).isEqualTo(0.7));
        assertThat(done.outputs()).extracting(GenerateResponse::text).containsExactly("answer 1", "answer 2");
    }

    @Test
    void temperaturesFollowFastChatsTable() {
        assertThat(MtBenchSolver.temperature("math")).isEqualTo(0.0);
        assertThat(MtBenchSolver.temperature("stem")).isEqualTo(0.1);
        assertThat(MtBenchSolver.temperature("roleplay")).isEqualTo(0.7);
        assertThat(MtBenchSolver.temperature("unknown")).isEqualTo(0.7);
    }
}
