package dev.arbiter.client.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.ErrorMapper;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.client.TokenLogprob;
import dev.arbiter.client.Usage;
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

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OpenAiClientTest {
    private static final GenerationConfig CONFIG = new GenerationConfig(0.0, null, 64, null, null, null, null);
    private ScriptedLlmServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private ModelClient client(Script script, Ticker ticker) {
        server = ScriptedLlmServer.builder().script(script).start();
        return ModelClients.create(server.endpoint(), ticker);
    }

    private static GenerateRequest chat(String question, boolean stream) {
        return new GenerateRequest(List.of(ChatMessage.user(question)), null, CONFIG, stream);
    }

    private static GenerateRequest completion(String prompt, boolean stream) {
        return new GenerateRequest(null, prompt, CONFIG, stream);
    }

    @Test
    void returnsTheScriptedAnswerToAChat() {
        ModelClient c = client(Script.replyWith(q -> "The answer to '" + q + "' is 42."), Ticker.system());
        GenerateResponse r = c.generate(chat("what is six times seven?", false));
        assertThat(r.text()).isEqualTo("The answer to 'what is six times seven?' is 42.");
        assertThat(r.finishReason()).isEqualTo("stop");
        assertThat(r.model()).isEqualTo("scripted");
        assertThat(r.usage()).isEqualTo(new Usage(5, 10)); // words of the question; one chunk per word
    }

    @Test
    void streamsExactlyTheSameTextAndUsageAsTheWholeAnswer() {
        ModelClient c = client(Script.replyWith(q -> "Paris is the capital of " + q + ", ünïcödé ☃ included."), Ticker.system());
        GenerateResponse whole = c.generate(chat("France", false));
        GenerateResponse streamed = c.generate(chat("France", true));
        assertThat(streamed.text()).isEqualTo(whole.text()).isEqualTo("Paris is the capital of France, ünïcödé ☃ included.");
        assertThat(streamed.usage()).isEqualTo(whole.usage());
        assertThat(streamed.finishReason()).isEqualTo("stop");
    }

    @Test
    void streamsACompletionToTheSameTextAsTheWholeOne() {
        ModelClient c = client(Script.replyWith(p -> " continued after " + p.length() + " chars"), Ticker.system());
        GenerateResponse whole = c.generate(completion("Once upon a time", false));
        GenerateResponse streamed = c.generate(completion("Once upon a time", true));
        assertThat(whole.text()).isEqualTo(" continued after 16 chars");
        assertThat(streamed.text()).isEqualTo(whole.text());
        assertThat(server.generationRequests()).extracting(r -> r.path()).containsOnly("/v1/completions");
    }

    @Test
    void recordsTheArrivalOfEachContentChunkOnTheInjectedTicker() {
        StepTicker ticker = new StepTicker(1_000);
        ModelClient c = client(Script.always(Reply.chunks("a", "b", "c")), ticker);
        GenerateResponse r = c.generate(chat("x", true));
        // read 0 at send; one read per content chunk (not the role, finish or usage chunks); one at the end
        assertThat(r.timing().tokenNanos()).containsExactly(1_000L, 2_000L, 3_000L);
        assertThat(r.timing().firstTokenNanos()).isEqualTo(1_000L);
        assertThat(r.timing().totalNanos()).isEqualTo(4_000L);
    }

    @Test
    void timesAWholeAnswerAsOneArrival() {
        ModelClient c = client(Script.always(Reply.chunks("a", "b")), new StepTicker(500));
        GenerateResponse r = c.generate(chat("x", false));
        assertThat(r.timing().tokenNanos()).isEmpty();
        assertThat(r.timing().firstTokenNanos()).isEqualTo(500L);
        assertThat(r.timing().totalNanos()).isEqualTo(500L);
    }

    @Test
    void readsEachChunkBeforeTheNextIsSent() {
        // the server sends chunk n only after the client's n-th ticker read: a client that buffered the stream
        // before timing it would never read the ticker again, and the server would give up and reset
        Semaphore gate = new Semaphore(0);
        Ticker releasing = () -> {
            gate.release();
            return 0;
        };
        ModelClient c = client(Script.always(Reply.chunks("a", "b", "c").gatedBy(gate)), releasing);
        GenerateResponse r = c.generate(chat("x", true));
        assertThat(r.text()).isEqualTo("abc");
        assertThat(r.timing().tokenNanos()).hasSize(3);
    }

    @Test
    void sendsEverySamplingSettingTheCallerSet() {
        ModelClient c = client(Script.always(Reply.text("ok")), Ticker.system());
        GenerationConfig g = new GenerationConfig(0.7, 0.9, 77, 1234L, List.of("\n\n", "END"), 3, 8192);
        c.generate(new GenerateRequest(List.of(ChatMessage.system("be brief"), ChatMessage.user("hi")), null, g, true));
        JsonNode body = server.generationRequests().get(0).json();
        assertThat(body.get("model").asText()).isEqualTo("scripted");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(77);
        assertThat(body.get("seed").asLong()).isEqualTo(1234L);
        assertThat(body.get("stop")).hasSize(2);
        assertThat(body.get("logprobs").asBoolean()).isTrue();
        assertThat(body.get("top_logprobs").asInt()).isEqualTo(3);
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(body.has("num_ctx")).isFalse();
    }

    @Test
    void leavesUnsetSettingsToTheServer() {
        ModelClient c = client(Script.always(Reply.text("ok")), Ticker.system());
        c.generate(new GenerateRequest(null, "p", new GenerationConfig(null, null, null, null, null, null, null), false));
        JsonNode body = server.generationRequests().get(0).json();
        assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("model", "prompt");
    }

    @Test
    void asksTheCompletionsApiForLogprobsAsANumber() {
        ModelClient c = client(Script.always(Reply.text("ok")), Ticker.system());
        c.generate(new GenerateRequest(null, "p", CONFIG.withTopLogprobs(5), false));
        assertThat(server.generationRequests().get(0).json().get("logprobs").asInt()).isEqualTo(5);
    }

    private static Reply alternatives() {
        Map<String, Double> topA = new LinkedHashMap<>();
        topA.put("B", -0.1);
        topA.put("C", -2.5);
        topA.put("A", -3.0);
        Map<String, Double> topB = new LinkedHashMap<>();
        topB.put(".", -0.01);
        topB.put("!", -4.6);
        return Reply.tokens(new ScriptedToken("B", -0.1, topA), new ScriptedToken(".", -0.01, topB));
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void parsesChatLogprobsWithTheirTopAlternatives(boolean stream) {
        ModelClient c = client(Script.always(alternatives()), Ticker.system());
        GenerateResponse r = c.generate(new GenerateRequest(List.of(ChatMessage.user("A, B or C?")), null, CONFIG.withTopLogprobs(2), stream));
        assertThat(r.text()).isEqualTo("B.");
        assertThat(r.logprobs()).containsExactly(
                new TokenLogprob("B", -0.1, Map.of("B", -0.1, "C", -2.5)),
                new TokenLogprob(".", -0.01, Map.of(".", -0.01, "!", -4.6)));
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void parsesCompletionLogprobsFromTheLegacyArrays(boolean stream) {
        ModelClient c = client(Script.always(alternatives()), Ticker.system());
        GenerateResponse r = c.generate(new GenerateRequest(null, "Answer:", CONFIG.withTopLogprobs(3), stream));
        assertThat(r.logprobs()).hasSize(2);
        assertThat(r.logprobs().get(0).token()).isEqualTo("B");
        assertThat(r.logprobs().get(0).logprob()).isCloseTo(-0.1, within(1e-12));
        assertThat(r.logprobs().get(0).top()).isEqualTo(Map.of("B", -0.1, "C", -2.5, "A", -3.0));
    }

    @Test
    void returnsNoLogprobsWhenNoneWereAsked() {
        ModelClient c = client(Script.always(alternatives()), Ticker.system());
        assertThat(c.generate(chat("q", true)).logprobs()).isEmpty();
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void stripsAThinkBlockIntoReasoning(boolean stream) {
        ModelClient c = client(Script.always(Reply.text("The answer is 4.").withThink("2 + 2 = 4")), Ticker.system());
        GenerateResponse r = c.generate(chat("2+2?", stream));
        assertThat(r.text()).isEqualTo("The answer is 4.");
        assertThat(r.reasoning()).isEqualTo("2 + 2 = 4");
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void readsReasoningContentFromItsOwnField(boolean stream) {
        ModelClient c = client(Script.always(Reply.text("4").withReasoningField("two plus two")), Ticker.system());
        GenerateResponse r = c.generate(chat("2+2?", stream));
        assertThat(r.text()).isEqualTo("4");
        assertThat(r.reasoning()).isEqualTo("two plus two");
    }

    @Test
    void reportsLengthWhenMaxTokensCutTheAnswer() {
        ModelClient c = client(Script.always(Reply.text("one two three four five")), Ticker.system());
        GenerateResponse r = c.generate(new GenerateRequest(List.of(ChatMessage.user("count")), null, CONFIG.withMaxTokens(2), true));
        assertThat(r.text()).isEqualTo("one two");
        assertThat(r.finishReason()).isEqualTo("length");
        assertThat(r.usage().completionTokens()).isEqualTo(2);
    }

    @ParameterizedTest(name = "line ending {index}")
    @ValueSource(strings = {"\n", "\r", "\r\n"})
    void readsAStreamWithAnyLineEnding(String nl) {
        ModelClient c = client(Script.always(Reply.text("same text either way").withLineEnding(nl)), Ticker.system());
        assertThat(c.generate(chat("q", true)).text()).isEqualTo("same text either way");
    }

    @Test
    void acceptsABaseUrlThatAlreadyEndsInV1() {
        server = ScriptedLlmServer.builder().script(Script.always(Reply.text("ok"))).start();
        Endpoint e = Endpoint.of(URI.create(server.baseUri() + "/v1/"), server.endpoint().api(), "scripted");
        assertThat(ModelClients.create(e, Ticker.system()).generate(chat("q", false)).text()).isEqualTo("ok");
        assertThat(server.generationRequests().get(0).path()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void sendsTheKeyFromTheInjectedEnvironmentAsABearerToken() {
        server = ScriptedLlmServer.builder().requireApiKey("k-123456").script(Script.always(Reply.text("ok"))).start();
        ModelClient c = ModelClients.create(server.endpoint().withApiKeyEnv("MY_KEY"), Ticker.system(),
                name -> name.equals("MY_KEY") ? "k-123456" : null, ErrorMapper.system());
        assertThat(c.generate(chat("q", false)).text()).isEqualTo("ok");
        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer k-123456");
    }

    @Test
    void listsTheServersModels() {
        server = ScriptedLlmServer.builder().models("a", "b").script(Script.always(Reply.text("ok"))).start();
        assertThat(ModelClients.create(server.endpoint(), Ticker.system()).listModels()).containsExactly("a", "b");
    }

    @Test
    void servesConcurrentCallersFromOneClient() throws Exception {
        ModelClient c = client(Script.replyWith(q -> "re: " + q), Ticker.system());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> fs = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String q = "q" + i;
                boolean stream = i % 2 == 0;
                fs.add(pool.submit(() -> c.generate(chat(q, stream)).text()));
            }
            for (int i = 0; i < 16; i++) assertThat(fs.get(i).get()).isEqualTo("re: q" + i);
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.generationRequests()).hasSize(16);
    }
}
