package dev.arbiter.client.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.client.TokenLogprob;
import dev.arbiter.client.Usage;
import dev.arbiter.testing.Persona;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.testing.ScriptedToken;
import dev.arbiter.testing.Script;
import dev.arbiter.testing.StepTicker;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OllamaClientTest {
    private ScriptedLlmServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private ModelClient client(Script script, Ticker ticker) {
        server = ScriptedLlmServer.builder().persona(Persona.OLLAMA).models("qwen2.5:7b").script(script).start();
        return ModelClients.create(server.endpoint(), ticker);
    }

    private static GenerateRequest chat(String q, boolean stream) {
        return new GenerateRequest(List.of(ChatMessage.user(q)), null, null, stream);
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void answersAChatThroughApiChat(boolean stream) {
        ModelClient c = client(Script.replyWith(q -> "Echo: " + q + " done"), Ticker.system());
        GenerateResponse r = c.generate(chat("hello there", stream));
        assertThat(r.text()).isEqualTo("Echo: hello there done");
        assertThat(r.finishReason()).isEqualTo("stop");
        assertThat(r.usage()).isEqualTo(new Usage(2, 4));
        assertThat(r.model()).isEqualTo("qwen2.5:7b");
        assertThat(server.generationRequests().get(0).path()).isEqualTo("/api/chat");
        assertThat(server.generationRequests().get(0).json().get("stream").asBoolean()).isEqualTo(stream);
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void sendsACompletionRawToApiGenerate(boolean stream) {
        ModelClient c = client(Script.replyWith(p -> " and " + p), Ticker.system());
        GenerateResponse r = c.generate(new GenerateRequest(null, "salt", null, stream));
        assertThat(r.text()).isEqualTo(" and salt");
        JsonNode body = server.generationRequests().get(0).json();
        assertThat(server.generationRequests().get(0).path()).isEqualTo("/api/generate");
        assertThat(body.get("raw").asBoolean()).isTrue();
        assertThat(body.get("prompt").asText()).isEqualTo("salt");
    }

    @Test
    void putsSamplingSettingsInOptions() {
        ModelClient c = client(Script.always(Reply.text("ok")), Ticker.system());
        GenerationConfig g = new GenerationConfig(0.2, 0.95, 50, 7L, List.of("###"), null, 16384);
        c.generate(new GenerateRequest(List.of(ChatMessage.user("q")), null, g, false));
        JsonNode o = server.generationRequests().get(0).json().get("options");
        assertThat(o.get("num_ctx").asInt()).isEqualTo(16384);
        assertThat(o.get("seed").asLong()).isEqualTo(7L);
        assertThat(o.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(o.get("top_p").asDouble()).isEqualTo(0.95);
        assertThat(o.get("num_predict").asInt()).isEqualTo(50);
        assertThat(o.get("stop").get(0).asText()).isEqualTo("###");
        assertThat(server.generationRequests().get(0).json().has("logprobs")).isFalse();
    }

    @Test
    void recordsEachStreamedLinesArrival() {
        StepTicker ticker = new StepTicker(10);
        ModelClient c = client(Script.always(Reply.chunks("x", "y")), ticker);
        GenerateResponse r = c.generate(chat("q", true));
        assertThat(r.timing().tokenNanos()).containsExactly(10L, 20L);
        assertThat(r.timing().totalNanos()).isEqualTo(30L);
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void parsesLogprobs(boolean stream) {
        ModelClient c = client(Script.always(Reply.tokens(
                new ScriptedToken("Yes", -0.2, Map.of("Yes", -0.2, "No", -1.7)))), Ticker.system());
        GenerateResponse r = c.generate(new GenerateRequest(List.of(ChatMessage.user("?")), null,
                GenerationConfig.DEFAULT.withTopLogprobs(2), stream));
        assertThat(r.logprobs()).containsExactly(new TokenLogprob("Yes", -0.2, Map.of("Yes", -0.2, "No", -1.7)));
        JsonNode body = server.generationRequests().get(0).json();
        assertThat(body.get("logprobs").asBoolean()).isTrue();
        assertThat(body.get("top_logprobs").asInt()).isEqualTo(2);
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void keepsThinkingApartFromTheAnswer(boolean stream) {
        ModelClient c = client(Script.always(Reply.text("42").withReasoningField("six sevens")), Ticker.system());
        GenerateResponse r = c.generate(chat("?", stream));
        assertThat(r.text()).isEqualTo("42");
        assertThat(r.reasoning()).isEqualTo("six sevens");
    }

    @Test
    void stripsAThinkBlockWrittenIntoTheContent() {
        ModelClient c = client(Script.always(Reply.text("42").withThink("hmm")), Ticker.system());
        GenerateResponse r = c.generate(chat("?", true));
        assertThat(r.text()).isEqualTo("42");
        assertThat(r.reasoning()).isEqualTo("hmm");
    }

    @Test
    void reportsLengthWhenNumPredictCutTheAnswer() {
        ModelClient c = client(Script.always(Reply.text("a b c d")), Ticker.system());
        GenerateResponse r = c.generate(new GenerateRequest(List.of(ChatMessage.user("q")), null,
                GenerationConfig.DEFAULT.withMaxTokens(3), true));
        assertThat(r.text()).isEqualTo("a b c");
        assertThat(r.finishReason()).isEqualTo("length");
    }

    @Test
    void listsModelsFromApiTags() {
        ModelClient c = client(Script.always(Reply.text("ok")), Ticker.system());
        assertThat(c.listModels()).containsExactly("qwen2.5:7b");
    }
}
