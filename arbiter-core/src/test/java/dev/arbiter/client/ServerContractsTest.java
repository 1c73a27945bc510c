package dev.arbiter.client;

import dev.arbiter.testing.ContractServer;
import dev.arbiter.testing.RecordedRequest;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract suite, client side: each server kind's recorded answers (src/test/resources/contracts, sources in
 * FIXTURES.md) replayed over HTTP on 127.0.0.1, and what Arbiter makes of them.
 */
class ServerContractsTest {
    private static final GenerationConfig SHORT = GenerationConfig.DEFAULT.withMaxTokens(64);

    private static ModelClient client(ContractServer s, ApiFlavor api, String model) {
        return ModelClients.create(Endpoint.of(s.baseUri(), api, model), Ticker.system());
    }

    private static GenerateRequest question(boolean stream) {
        return new GenerateRequest(List.of(ChatMessage.user("Which is right?")), null, SHORT, stream);
    }

    private static EndpointDiscovery discovery() {
        return new EndpointDiscovery("127.0.0.1", List.of(), Duration.ofMillis(2000));
    }

    @ParameterizedTest(name = "{0} is identified as {1}")
    @CsvSource(nullValues = "null", value = {
            "vllm,     vllm,       openai, 4096,  0.11.0",
            "llamacpp, llama.cpp,  openai, 4096,  b6700-25d5b0c5",
            "ollama,   ollama,     ollama, 4096,  0.12.6",
            "tgi,      tgi,        openai, 4096,  3.3.6",
            "sglang,   sglang,     openai, 32768, null",
            "litellm,  litellm,    openai, null,  1.74.9",
            "lmstudio, lm-studio,  openai, 32768, null",
    })
    void discoveryIdentifiesEachServerByWhatOnlyItAnswers(String kind, String server, ApiFlavor api, Integer context,
                                                          String version) {
        try (ContractServer s = ContractServer.start(kind)) {
            DiscoveredEndpoint d = discovery().identify(s.baseUri()).orElseThrow();
            assertThat(d.server()).isEqualTo(server);
            assertThat(d.api()).isEqualTo(api);
            assertThat(d.contextLength()).isEqualTo(context);
            assertThat(d.version()).isEqualTo(version);
        }
    }

    @Test
    void llamaCppAnsweringOllamasTagsRouteIsStillLlamaCpp() {
        try (ContractServer s = ContractServer.start("llamacpp")) {
            // the Ollama-style list is there, as llama-server builds answer it …
            assertThat(ContractServer.fixture("llamacpp", "models.json")).contains("\"models\"");
            DiscoveredEndpoint d = discovery().identify(s.baseUri()).orElseThrow();
            // … but /props is llama.cpp's alone
            assertThat(d.server()).isEqualTo("llama.cpp");
            assertThat(d.models()).containsExactly("../models/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf");
        }
    }

    @ParameterizedTest(name = "stream={0}")
    @CsvSource({"false", "true"})
    void anOpenAiAnswerOnOllamasChatRouteIsAnErrorNamingTheLikelyCauseNotAnEmptyAnswer(boolean stream) {
        try (ContractServer s = ContractServer.start("llamacpp");
             ModelClient c = client(s, ApiFlavor.ollama, "m")) {
            assertThatThrownBy(() -> c.generate(question(stream)))
                    .isInstanceOfSatisfying(ModelException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ModelException.Kind.PROTOCOL);
                        assertThat(e.getMessage()).contains("OpenAI-format").contains("--api openai");
                    });
        }
    }

    @Test
    void anOllamaAnswerOnTheOpenAiRouteIsAnErrorNamingTheLikelyCause() {
        try (ContractServer s = ContractServer.of("ollama").answer("POST /v1/chat/completions", 200, "chat.json").start();
             ModelClient c = client(s, ApiFlavor.openai, "llama3.2")) {
            assertThatThrownBy(() -> c.generate(question(false)))
                    .isInstanceOfSatisfying(ModelException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ModelException.Kind.PROTOCOL);
                        assertThat(e.getMessage()).contains("Ollama-format").contains("--api ollama");
                    });
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "vllm,     error-context-overflow-chat.json, 400, openai",
            "vllm,     error-decoder-prompt.json,        400, openai",
            "sglang,   error-context-overflow.json,      400, openai",
            "sglang,   error-max-tokens.json,            400, openai",
            "llamacpp, error-context-overflow.json,      400, openai",
            "tgi,      error-context-overflow.json,      422, openai",
            "ollama,   error-context-overflow.json,      400, ollama",
            "ollama,   error-input-too-long.json,        400, ollama",
            "litellm,  error-context-overflow.json,      400, openai",
    })
    void everyServersWordingOfAPromptTooLongIsAContextOverflow(String kind, String file, int status, ApiFlavor api) {
        String route = api == ApiFlavor.ollama ? "POST /api/chat" : "POST /v1/chat/completions";
        try (ContractServer s = ContractServer.of(kind).answer(route, status, file).start();
             ModelClient c = client(s, api, "m")) {
            assertThatThrownBy(() -> c.generate(question(false)))
                    .isInstanceOfSatisfying(ModelException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ModelException.Kind.CONTEXT_EXCEEDED);
                        assertThat(e.sampleScoped()).isTrue();
                    });
        }
    }

    @ParameterizedTest(name = "{0} {1} → {4}")
    @CsvSource({
            "vllm,     error-unknown-model.json, 404, openai, NOT_FOUND",
            "ollama,   error-unknown-model.json, 404, ollama, NOT_FOUND",
            "ollama,   error-busy.json,          503, ollama, SERVER_ERROR",
            "llamacpp, error-loading.json,       503, openai, SERVER_ERROR",
            "llamacpp, error-auth.json,          401, openai, UNAUTHORIZED",
            "tgi,      error-overloaded.json,    429, openai, RATE_LIMITED",
            "tgi,      error-top-n-tokens.json,  422, openai, BAD_REQUEST",
            "litellm,  error-rate-limit.json,    429, openai, RATE_LIMITED",
            "litellm,  error-auth.json,          401, openai, UNAUTHORIZED",
    })
    void otherRecordedErrorsKeepTheKindThatSaysWhatToDo(String kind, String file, int status, ApiFlavor api,
                                                        ModelException.Kind expected) {
        String route = api == ApiFlavor.ollama ? "POST /api/chat" : "POST /v1/chat/completions";
        try (ContractServer s = ContractServer.of(kind).answer(route, status, file).start();
             ModelClient c = client(s, api, "m")) {
            assertThatThrownBy(() -> c.generate(question(false)))
                    .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(expected));
        }
    }

    @ParameterizedTest(name = "{0} stream={2}")
    @CsvSource({
            "vllm,     openai, false", "vllm,     openai, true",
            "llamacpp, openai, false", "llamacpp, openai, true",
            "ollama,   ollama, false", "ollama,   ollama, true",
            "tgi,      openai, true",
            "sglang,   openai, false", "sglang,   openai, true",
            "litellm,  openai, false",
            "lmstudio, openai, false",
    })
    void everyServersAnswerIsReadWholeAndStreamed(String kind, ApiFlavor api, boolean stream) {
        try (ContractServer s = ContractServer.start(kind); ModelClient c = client(s, api, "m")) {
            GenerateResponse r = c.generate(question(stream));
            assertThat(r.text()).isEqualTo("The answer is B.");
            assertThat(r.finishReason()).isEqualTo("stop");
            if (stream) assertThat(r.timing().tokenNanos()).hasSize(2);
        }
    }

    @Test
    void aServerThatIgnoresStreamTrueAndAnswersWholeIsReadWhole() {
        try (ContractServer s = ContractServer.of("vllm").answer("POST /v1/chat/completions", 200, "chat.json").start();
             ModelClient c = client(s, ApiFlavor.openai, "m")) {
            GenerateResponse r = c.generate(question(true));
            assertThat(s.generationRequests()).singleElement().satisfies(q -> assertThat(q.stream()).isTrue());
            assertThat(r.text()).isEqualTo("The answer is B.");
            assertThat(r.usage().completionTokens()).isEqualTo(6);
        }
    }

    @Test
    void finishReasonLengthComesThroughFromVllmAndOllama() {
        try (ContractServer v = ContractServer.of("vllm").answer("POST /v1/chat/completions", 200, "chat-reasoning-length.json").start();
             ContractServer o = ContractServer.of("ollama").answer("POST /api/chat", 200, "chat-length.json").start();
             ModelClient vc = client(v, ApiFlavor.openai, "m"); ModelClient oc = client(o, ApiFlavor.ollama, "m")) {
            GenerateResponse thinking = vc.generate(question(false));
            assertThat(thinking.text()).isEmpty();
            assertThat(thinking.reasoning()).startsWith("Okay, let me work through this.");
            assertThat(thinking.finishReason()).isEqualTo("length");
            assertThat(oc.generate(question(false)).finishReason()).isEqualTo("length");
        }
    }

    @Test
    void theProbeFindsTgisTopLogprobsLimitInsteadOfFailingEverySampleLater() {
        try (ContractServer s = ContractServer.of("tgi")
                .answerWhen("POST /v1/chat/completions", r -> r.json().path("top_logprobs").asInt(0) > 5, 422, "error-top-n-tokens.json")
                .answerWhen("POST /v1/completions", r -> r.json().path("logprobs").asInt(0) > 5, 422, "error-top-n-tokens.json")
                .start();
             ModelClient c = client(s, ApiFlavor.openai, "mistralai/Mistral-7B-Instruct-v0.3")) {
            Capabilities caps = c.probe();
            assertThat(caps.logprobs()).isTrue();
            assertThat(caps.maxTopLogprobs()).isEqualTo(5);
            assertThat(caps.contextLength()).isEqualTo(4096);
            assertThat(s.generationRequests()).extracting(RecordedRequest::path).contains("/v1/chat/completions");
        }
    }

    @Test
    void ollamasServedContextIsTheLoadedModelsNotTheTrainedOne() {
        try (ContractServer s = ContractServer.start("ollama"); ModelClient c = client(s, ApiFlavor.ollama, "llama3.2:latest")) {
            Capabilities caps = c.probe();
            assertThat(caps.contextLength()).isEqualTo(4096);          // /api/ps: what it serves
            assertThat(caps.trainedContextLength()).isEqualTo(131072); // /api/show: what it was trained for
        }
    }
}
