package dev.arbiter.client;

import dev.arbiter.testing.Persona;
import dev.arbiter.testing.RecordedRequest;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.testing.Script;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CapabilityProbeTest {
    private static Capabilities probe(ScriptedLlmServer s) {
        return ModelClients.create(s.endpoint(), Ticker.system()).probe();
    }

    @Test
    void findsChatCompletionsLogprobsAndContextOnVllm() {
        try (var s = ScriptedLlmServer.builder().persona(Persona.VLLM).models("Qwen/Qwen2.5-7B-Instruct").contextLength(32768).start()) {
            assertThat(probe(s)).isEqualTo(new Capabilities(true, true, true, 32768, "Qwen/Qwen2.5-7B-Instruct", "vllm 0.8.5",
                    CapabilityProbe.PROBE_TOP_LOGPROBS, null));
            assertThat(s.generationRequests()).extracting(RecordedRequest::path)
                    .containsExactly("/v1/chat/completions", "/v1/completions");
            assertThat(s.generationRequests()).allSatisfy(r -> assertThat(r.json().get("max_tokens").asInt()).isEqualTo(1));
        }
    }

    @Test
    void aVllmLoraAdapterIsServedWithItsBaseModelsContext() {
        try (var s = ScriptedLlmServer.builder().persona(Persona.VLLM).models("Qwen/Qwen2.5-7B-Instruct")
                .loraAdapters("sql-lora").contextLength(32768).start()) {
            Endpoint adapter = Endpoint.of(s.baseUri(), ApiFlavor.openai, "sql-lora");
            assertThat(ModelClients.create(adapter, Ticker.system()).probe().contextLength()).isEqualTo(32768);
        }
    }

    @Test
    void readsTheContextOfALlamaCppServerFromProps() {
        try (var s = ScriptedLlmServer.builder().persona(Persona.LLAMA_CPP).models("model.gguf").contextLength(8192).start()) {
            Capabilities c = probe(s);
            assertThat(c.contextLength()).isEqualTo(8192);
            assertThat(c.server()).isEqualTo("llama.cpp b5000-scripted");
        }
    }

    @Test
    void readsTheContextOfTgiFromInfoAndSeesItHasNoCompletions() {
        try (var s = ScriptedLlmServer.builder().persona(Persona.TGI).models("tgi").contextLength(4096).completions(false).start()) {
            Capabilities c = probe(s);
            assertThat(c.chat()).isTrue();
            assertThat(c.completions()).isFalse();
            assertThat(c.contextLength()).isEqualTo(4096);
            assertThat(c.server()).isEqualTo("tgi 3.0.1");
        }
    }

    @Test
    void readsOllamasTrainedContextFromModelInfoAndLeavesTheServedOneUnknownWithoutApiPs() {
        try (var s = ScriptedLlmServer.builder().persona(Persona.OLLAMA).models("qwen2.5:7b").contextLength(131072).start()) {
            assertThat(probe(s)).isEqualTo(new Capabilities(true, true, true, null, "qwen2.5:7b", "ollama 0.12.6",
                    CapabilityProbe.PROBE_TOP_LOGPROBS, 131072));
        }
    }

    @Test
    void seesThatLogprobsDoNotComeBack() {
        try (var s = ScriptedLlmServer.builder().persona(Persona.OPENAI).logprobs(false).contextLength(null).start()) {
            Capabilities c = probe(s);
            assertThat(c.logprobs()).isFalse();
            assertThat(c.contextLength()).isNull();
            assertThat(c.server()).isEqualTo("openai-compatible");
        }
    }

    @Test
    void retriesWithoutLogprobsWhenTheServerRejectsTheParameter() {
        Script rejectsLogprobs = r -> r.json().has("logprobs")
                ? Reply.status(400, "{\"error\":{\"message\":\"logprobs is not supported\"}}") : Reply.text("OK");
        try (var s = ScriptedLlmServer.builder().script(rejectsLogprobs).start()) {
            Capabilities c = probe(s);
            assertThat(c.chat()).isTrue();
            assertThat(c.completions()).isTrue();
            assertThat(c.logprobs()).isFalse();
            assertThat(s.generationRequests()).hasSize(4);
        }
    }

    @Test
    void throwsTheChatErrorWhenNeitherModeWorks() {
        try (var s = ScriptedLlmServer.builder().models("real").start()) {
            Endpoint wrong = s.endpoint().withModel("typo");
            ModelException e = catchThrowableOfType(ModelException.class, () -> ModelClients.create(wrong, Ticker.system()).probe());
            assertThat(e.kind()).isEqualTo(ModelException.Kind.NOT_FOUND);
            assertThat(e.getMessage()).contains("typo");
        }
    }

    @Test
    void letsAnAuthFailurePropagate() {
        try (var s = ScriptedLlmServer.builder().requireApiKey("right").start()) {
            ModelException e = catchThrowableOfType(ModelException.class, () -> probe(s));
            assertThat(e.kind()).isEqualTo(ModelException.Kind.UNAUTHORIZED);
            assertThat(s.generationRequests()).hasSize(1);
        }
    }

    @Test
    void asksTheServersNameWhileItSendsTheProbeRequests() {
        java.util.concurrent.CountDownLatch nameAsked = new java.util.concurrent.CountDownLatch(1);
        ModelClient client = new ModelClient() {
            @Override
            public GenerateResponse generate(GenerateRequest request) {
                try {
                    // asked one after the other, the name would only be asked after this returns: the wait would run out
                    if (!nameAsked.await(30, java.util.concurrent.TimeUnit.SECONDS)) throw new AssertionError("name not asked meanwhile");
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                return new GenerateResponse("OK", null, "stop", new Usage(3, 1), java.util.List.of(), new Timing(1, 1, java.util.List.of()), "m");
            }

            @Override
            public Capabilities probe() { throw new UnsupportedOperationException(); }

            @Override
            public java.util.List<String> listModels() { return java.util.List.of("m"); }

            @Override
            public String describe() { return "fake"; }
        };
        Capabilities c = CapabilityProbe.probe(client, () -> 4096, () -> {
            nameAsked.countDown();
            return "fake-server 1";
        });
        assertThat(c.server()).isEqualTo("fake-server 1");
        assertThat(c.chat()).isTrue();
        assertThat(c.contextLength()).isEqualTo(4096);
    }

    @Test
    void aFailureOfTheNameLookupIsTheProbesFailure() {
        ModelClient client = new ModelClient() {
            @Override
            public GenerateResponse generate(GenerateRequest request) {
                return new GenerateResponse("OK", null, "stop", new Usage(3, 1), java.util.List.of(), new Timing(1, 1, java.util.List.of()), "m");
            }

            @Override
            public Capabilities probe() { throw new UnsupportedOperationException(); }

            @Override
            public java.util.List<String> listModels() { return java.util.List.of("m"); }

            @Override
            public String describe() { return "fake"; }
        };
        IllegalStateException e = catchThrowableOfType(() -> CapabilityProbe.probe(client, () -> 4096, () -> {
            throw new IllegalStateException("name lookup broke");
        }), IllegalStateException.class);
        assertThat(e).hasMessage("name lookup broke");
    }
}
