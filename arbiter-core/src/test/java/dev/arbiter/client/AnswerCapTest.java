package dev.arbiter.client;

import dev.arbiter.testing.Persona;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.Script;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One cap for every answer, streamed or not: the text is cut at a character boundary and marked as cut. */
class AnswerCapTest {
    static final int CAP = 4096;

    @ParameterizedTest(name = "{0} stream={1}")
    @CsvSource({"VLLM, false", "VLLM, true", "OLLAMA, false", "OLLAMA, true"})
    void anAnswerLongerThanTheCapIsCutThereWithFinishReasonLength(Persona persona, boolean stream) {
        String huge = "é".repeat(3000) + "x".repeat(20_000); // 6000 bytes of two-byte characters, then more
        List<String> chunks = List.of(huge.substring(0, 2500), huge.substring(2500, 9000), huge.substring(9000));
        Script script = r -> stream ? Reply.chunks(chunks.toArray(String[]::new)) : Reply.text(huge);
        try (var s = ScriptedLlmServer.builder().persona(persona).script(script).start()) {
            ModelClient c = ModelClients.create(s.endpoint(), Ticker.system(), name -> null, ErrorMapper.system(), CAP);
            GenerateResponse r = c.generate(new GenerateRequest(List.of(ChatMessage.user("q")), null, null, stream));

            assertThat(r.text().getBytes(StandardCharsets.UTF_8)).hasSize(CAP);
            assertThat(r.text()).isEqualTo("é".repeat(CAP / 2));
            assertThat(r.finishReason()).isEqualTo("length");
        }
    }

    /**
     * One stream event longer than the client reads cannot be cut at the cap (its JSON cannot be parsed in part): it
     * is this answer's error, which the engine records for the sample and goes on; it stopped the whole run before.
     */
    @org.junit.jupiter.api.Test
    void oneStreamEventLongerThanTheClientReadsIsThisAnswersErrorNotTheRuns() {
        String huge = "x".repeat(dev.arbiter.client.http.LineReader.MAX_LINE_BYTES + 1024);
        try (var s = ScriptedLlmServer.builder().persona(Persona.VLLM).script(r -> Reply.chunks(huge)).start()) {
            ModelClient c = ModelClients.create(s.endpoint(), Ticker.system(), name -> null, ErrorMapper.system(), CAP);
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> c.generate(new GenerateRequest(List.of(ChatMessage.user("q")), null, null, true)))
                    .isInstanceOfSatisfying(ModelException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ModelException.Kind.ANSWER_TOO_LONG);
                        assertThat(e.sampleScoped()).isTrue();
                        assertThat(e.getMessage()).contains("line longer than", "--max-answer-bytes");
                    });
        }
    }

    @ParameterizedTest(name = "{0} stream={1}")
    @CsvSource({"VLLM, false", "VLLM, true", "OLLAMA, false", "OLLAMA, true"})
    void anAnswerUnderTheCapIsUntouched(Persona persona, boolean stream) {
        String text = "42 ".repeat(1000);
        Script script = r -> stream ? Reply.chunks(text.substring(0, 1500), text.substring(1500)) : Reply.text(text);
        try (var s = ScriptedLlmServer.builder().persona(persona).script(script).start()) {
            ModelClient c = ModelClients.create(s.endpoint(), Ticker.system(), name -> null, ErrorMapper.system(), CAP);
            GenerateResponse r = c.generate(new GenerateRequest(List.of(ChatMessage.user("q")), null, null, stream));

            assertThat(r.text()).isEqualTo(text);
            assertThat(r.finishReason()).isEqualTo("stop");
        }
    }
}
