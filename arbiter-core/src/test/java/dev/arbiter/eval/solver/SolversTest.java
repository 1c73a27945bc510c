package dev.arbiter.eval.solver;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Generate;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.TaskState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SolversTest {
    private final List<GenerateRequest> sent = new ArrayList<>();
    private final Generate echoLength = r -> {
        sent.add(r);
        return new GenerateResponse("len=" + r.messages().get(r.messages().size() - 1).content().length(), null, "stop", null, null, null, "m");
    };

    private static TaskState start(String question, String... choices) {
        return TaskState.start(new Sample("s", List.of(ChatMessage.user(question)), List.of("A"), List.of(choices), Map.of()), 0);
    }

    @Test
    void generateSendsTheConversationWithTheConfigAndAppendsTheReply() {
        GenerationConfig cfg = GenerationConfig.DEFAULT.withMaxTokens(7);
        TaskState done = new GenerateSolver(cfg).solve(start("hello"), echoLength);
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.messages()).containsExactly(ChatMessage.user("hello"));
            assertThat(r.config().maxTokens()).isEqualTo(7);
        });
        assertThat(done.completion()).isEqualTo("len=5");
        assertThat(done.messages()).last().isEqualTo(ChatMessage.assistant("len=5"));
    }

    @Test
    void aSystemMessageGoesAfterTheSamplesOwnSystemMessages() {
        TaskState s = TaskState.start(new Sample("s", List.of(ChatMessage.system("own"), ChatMessage.user("q")), List.of(), List.of(), Map.of()), 0);
        TaskState out = new SystemMessageSolver("task").solve(s, echoLength);
        assertThat(out.messages()).containsExactly(ChatMessage.system("own"), ChatMessage.system("task"), ChatMessage.user("q"));
        assertThat(sent).isEmpty();
    }

    @Test
    void aTemplateWrapsTheLastUserMessageLiterally() {
        TaskState out = new PromptTemplateSolver("Q: {prompt}\nThink, then answer. ({prompt})").solve(start("What is {x}? $1"), echoLength);
        assertThat(out.messages()).containsExactly(ChatMessage.user("Q: What is {x}? $1\nThink, then answer. (What is {x}? $1)"));
    }

    @Test
    void aTemplateWithoutPlaceholderIsAnInputError() {
        assertThatThrownBy(() -> new PromptTemplateSolver("no placeholder")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("{prompt}");
    }

    @Test
    void multipleChoiceFormatsLetteredOptionsAndAsksForTheLetter() {
        TaskState out = new MultipleChoiceSolver().solve(start("Capital of France?", "Lyon", "Paris", "Nice"), echoLength);
        assertThat(out.messages().get(0).content()).isEqualTo("""
                Capital of France?
                A. Lyon
                B. Paris
                C. Nice
                Answer with the letter of the correct option (A, B, C).""");
    }

    @Test
    void multipleChoiceWithoutChoicesIsAnInputError() {
        assertThatThrownBy(() -> new MultipleChoiceSolver().solve(start("q"), echoLength))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("sample s has no choices");
    }

    @Test
    void aChainRunsItsStepsInOrder() {
        var chain = ChainSolver.of(new MultipleChoiceSolver(), new SystemMessageSolver("sys"), new GenerateSolver(null));
        TaskState out = chain.solve(start("Q", "x", "y"), echoLength);
        assertThat(sent).singleElement().satisfies(r -> assertThat(r.messages()).extracting(ChatMessage::role).containsExactly("system", "user"));
        assertThat(out.outputs()).hasSize(1);
    }
}
