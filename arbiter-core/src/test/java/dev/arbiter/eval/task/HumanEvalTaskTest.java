package dev.arbiter.eval.task;

import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.task.humaneval.CodeExtractor;
import dev.arbiter.eval.task.humaneval.HumanEvalOptions;
import dev.arbiter.eval.task.humaneval.PromptMode;
import dev.arbiter.sandbox.Sandbox;
import dev.arbiter.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HumanEvalTaskTest {
    static final Path DATA = SharedData.path("humaneval/HumanEval.jsonl.gz");
    static Sandbox sandbox;
    static Task chat;
    static Task completion;

    @BeforeAll
    static void create() {
        HumanEvalOptions o = HumanEvalOptions.defaults();
        sandbox = Sandbox.open(o.sandbox().withTimeout(Duration.ofSeconds(2)));
        chat = HumanEvalTask.create(DATA, o, sandbox);
        completion = HumanEvalTask.create(DATA, o.withMode(PromptMode.COMPLETION), sandbox);
    }

    @Test
    void holdsAll164ProblemsWithTheDatasetDigest() {
        assertThat(chat.name()).isEqualTo("humaneval");
        assertThat(chat.dataset().samples()).hasSize(164);
        assertThat(chat.dataset().sha256())
                .isEqualTo("b796127e635a67f93fb35c04f4cb03cf06f38c8072ee7cee8833d7bee06979ef");
        assertThat(chat.metrics()).extracting(m -> m.name()).containsExactly("pass@1", "passed", "failed",
                "timed_out");
    }

    @Test
    void chatModeAsksForTheCompleteFunctionWithThePromptInAPythonBlock() {
        List<GenerateRequest> sent = new ArrayList<>();
        Sample s = sample(chat, "HumanEval/2");

        chat.solver().solve(TaskState.start(s, 0), r -> {
            sent.add(r);
            return answer("```python\ndef truncate_number(number: float) -> float:\n    return number % 1.0\n```");
        });

        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.isChat()).isTrue();
            assertThat(r.messages().get(0).content()).contains("complete function")
                    .contains("```python\n\n\ndef truncate_number(number: float) -> float:");
            assertThat(r.config().stop()).isNull();
        });
    }

    @Test
    void completionModeSendsTheRawPromptWithTheStopSequences() {
        List<GenerateRequest> sent = new ArrayList<>();
        Sample s = sample(completion, "HumanEval/2");

        completion.solver().solve(TaskState.start(s, 0), r -> {
            sent.add(r);
            return answer("    return number % 1.0\n");
        });

        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.isChat()).isFalse();
            assertThat(r.prompt()).startsWith("\n\ndef truncate_number(").endsWith("    \"\"\"\n");
            assertThat(r.config().stop()).isEqualTo(CodeExtractor.STOP_SEQUENCES)
                    .containsExactly("\ndef ", "\nclass ", "\nif __name__", "\nprint(");
        });
    }

    @Test
    void scoresACorrectChatAnswerOneWithOutcomePassed() {
        Score score = scoreAnswer(chat, "HumanEval/2",
                "Here you go:\n```python\ndef truncate_number(number: float) -> float:\n    return number % 1.0\n```");

        assertThat(score.value()).isEqualTo(1.0);
        assertThat(score.metadata()).containsEntry("outcome", "passed").containsEntry("solution_kind",
                "full_function");
    }

    @Test
    void scoresAWrongAnswerZeroWithTheFailingAssertionInTheExplanation() {
        Score score = scoreAnswer(chat, "HumanEval/2", "```python\n    return 0.5\n```");

        assertThat(score.value()).isEqualTo(0.0);
        assertThat(score.metadata()).containsEntry("outcome", "failed");
        assertThat(score.explanation()).contains("AssertionError at test line").contains("candidate(1.33)");
    }

    @Test
    void scoresAnAnswerThatNeverReturnsZeroWithOutcomeTimedOut() {
        Score score = scoreAnswer(completion, "HumanEval/2", "    while True:\n        pass\n");

        assertThat(score.value()).isEqualTo(0.0);
        assertThat(score.metadata()).containsEntry("outcome", "timed_out");
    }

    @Test
    void scoresAnAnswerWithoutCodeZeroWithoutRunningIt() {
        Score score = scoreAnswer(chat, "HumanEval/2", "I cannot help with that.");

        assertThat(score.value()).isEqualTo(0.0);
        assertThat(score.metadata()).containsEntry("outcome", "failed").containsEntry("solution_kind", "none");
        assertThat(score.explanation()).isEqualTo("no code found in the answer");
    }

    private static Score scoreAnswer(Task task, String id, String text) {
        TaskState state = TaskState.start(sample(task, id), 0).withOutput(answer(text));
        return task.scorer().score(state);
    }

    private static Sample sample(Task task, String id) {
        return task.dataset().samples().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static GenerateResponse answer(String text) {
        return new GenerateResponse(text, null, "stop", null, null, null, "test-model");
    }
}
