package dev.arbiter.recommend;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UseCasesTest {

    @Test
    void weightsKeepTheOrderOfTheDataFileSoReasonsAreListedTheSameOnEveryRun() {
        // scoring/usecases.yaml: chatbot weights {conversation, knowledge, efficiency, math, code}.
        assertThat(UseCases.bundled().get("chatbot").weights().keySet())
                .containsExactly("conversation", "knowledge", "efficiency", "math", "code");
    }
}
