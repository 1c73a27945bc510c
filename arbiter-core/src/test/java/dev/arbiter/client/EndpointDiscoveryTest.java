package dev.arbiter.client;

import dev.arbiter.testing.Persona;
import dev.arbiter.testing.ScriptedLlmServer;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointDiscoveryTest {
    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void identifiesEachKindOfServerOnTheGivenPorts() throws Exception {
        List<ScriptedLlmServer> servers = new ArrayList<>();
        try {
            servers.add(ScriptedLlmServer.builder().persona(Persona.OLLAMA).models("qwen2.5:7b", "llama3.2:3b").start());
            servers.add(ScriptedLlmServer.builder().persona(Persona.LLAMA_CPP).models("model.gguf").contextLength(4096).start());
            servers.add(ScriptedLlmServer.builder().persona(Persona.VLLM).models("Qwen/Qwen2.5-7B-Instruct").contextLength(32768).start());
            servers.add(ScriptedLlmServer.builder().persona(Persona.TGI).models("mistralai/Mistral-7B-Instruct-v0.3").contextLength(8192).start());
            servers.add(ScriptedLlmServer.builder().persona(Persona.OPENAI).models("local-model").start());
            List<Integer> ports = new ArrayList<>(servers.stream().map(ScriptedLlmServer::port).toList());
            ports.add(2, closedPort());

            List<DiscoveredEndpoint> found = new EndpointDiscovery("127.0.0.1", ports, Duration.ofMillis(300)).discover();

            assertThat(found).extracting(DiscoveredEndpoint::server)
                    .containsExactly("ollama", "llama.cpp", "vllm", "tgi", "openai-compatible");
            assertThat(found).extracting(DiscoveredEndpoint::api)
                    .containsExactly(ApiFlavor.ollama, ApiFlavor.openai, ApiFlavor.openai, ApiFlavor.openai, ApiFlavor.openai);
            assertThat(found.get(0).models()).containsExactly("qwen2.5:7b", "llama3.2:3b");
            assertThat(found.get(0).version()).isEqualTo("0.12.6");
            assertThat(found.get(1).contextLength()).isEqualTo(4096);
            assertThat(found.get(2).models()).containsExactly("Qwen/Qwen2.5-7B-Instruct");
            assertThat(found.get(2).contextLength()).isEqualTo(32768);
            assertThat(found.get(3).models()).containsExactly("mistralai/Mistral-7B-Instruct-v0.3");
            assertThat(found.get(4).url()).isEqualTo(servers.get(4).baseUri());
        } finally {
            servers.forEach(ScriptedLlmServer::close);
        }
    }

    @Test
    void reportsAServerThatKeepsItsModelListBehindAKey() {
        try (var s = ScriptedLlmServer.builder().persona(Persona.OPENAI).requireApiKey("k").start()) {
            List<DiscoveredEndpoint> found = new EndpointDiscovery("127.0.0.1", List.of(s.port()), Duration.ofMillis(300)).discover();
            assertThat(found).singleElement().satisfies(d -> {
                assertThat(d.server()).isEqualTo("openai-compatible");
                assertThat(d.models()).isEmpty();
            });
        }
    }

    /** A server answering these routes with these JSON bodies, 404 elsewhere. */
    private static com.sun.net.httpserver.HttpServer serve(java.util.Map<String, String> routes) throws Exception {
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/", ex -> {
            String body = routes.get(ex.getRequestURI().getPath());
            byte[] bytes = (body == null ? "{\"error\":\"not found\"}" : body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
        return server;
    }

    /** What discovery finds on a server answering these routes: exactly one endpoint. */
    private static DiscoveredEndpoint discoverOne(java.util.Map<String, String> routes) throws Exception {
        var server = serve(routes);
        try {
            List<DiscoveredEndpoint> found = new EndpointDiscovery("127.0.0.1", List.of(server.getAddress().getPort()), Duration.ofMillis(500)).discover();
            assertThat(found).hasSize(1);
            return found.get(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void lmStudioShowsItsLoadedChatModelAndItsContextNotAnEmbeddingModels() throws Exception {
        DiscoveredEndpoint e = discoverOne(java.util.Map.of(
                "/v1/models", "{\"data\":[{\"id\":\"qwen2.5-7b-instruct\"},{\"id\":\"text-embedding-nomic\"},{\"id\":\"meta-llama-3.1-8b-instruct\"}]}",
                "/api/v0/models", "{\"data\":["
                        + "{\"id\":\"qwen2.5-7b-instruct\",\"type\":\"llm\",\"state\":\"not-loaded\",\"compatibility_type\":\"gguf\",\"max_context_length\":32768},"
                        + "{\"id\":\"text-embedding-nomic\",\"type\":\"embeddings\",\"state\":\"loaded\",\"compatibility_type\":\"gguf\",\"max_context_length\":2048,\"loaded_context_length\":2048},"
                        + "{\"id\":\"meta-llama-3.1-8b-instruct\",\"type\":\"llm\",\"state\":\"loaded\",\"compatibility_type\":\"gguf\",\"max_context_length\":131072,\"loaded_context_length\":8192}]}"));
        assertThat(e.server()).isEqualTo("lm-studio");
        assertThat(e.models()).containsExactly("meta-llama-3.1-8b-instruct", "qwen2.5-7b-instruct");
        assertThat(e.contextLength()).isEqualTo(8192);
    }

    @Test
    void ollamaListsItsLoadedModelFirstSoTheContextShownIsTheSuggestedModels() throws Exception {
        DiscoveredEndpoint e = discoverOne(java.util.Map.of(
                "/api/version", "{\"version\":\"0.6.5\"}",
                "/api/tags", "{\"models\":[{\"name\":\"llama3.1:8b\"},{\"name\":\"qwen2.5:7b\"}]}",
                "/api/ps", "{\"models\":[{\"name\":\"qwen2.5:7b\",\"context_length\":4096}]}"));
        assertThat(e.server()).isEqualTo("ollama");
        assertThat(e.models()).containsExactly("qwen2.5:7b", "llama3.1:8b");
        assertThat(e.contextLength()).isEqualTo(4096);
    }

    @Test
    void vllmServingABaseModelAndLoraAdaptersShowsTheBaseModelsWindow() throws Exception {
        // vLLM lists the base model, then each adapter with its base as parent and max_model_len null
        DiscoveredEndpoint e = discoverOne(java.util.Map.of(
                "/version", "{\"version\":\"0.9.1\"}",
                "/v1/models", "{\"data\":[{\"id\":\"meta-llama/Llama-3.1-8B-Instruct\",\"max_model_len\":16384},"
                        + "{\"id\":\"sql-lora\",\"root\":\"/adapters/sql\",\"parent\":\"meta-llama/Llama-3.1-8B-Instruct\",\"max_model_len\":null}]}"));
        assertThat(e.server()).isEqualTo("vllm");
        assertThat(e.models()).containsExactly("meta-llama/Llama-3.1-8B-Instruct", "sql-lora");
        assertThat(e.contextLength()).isEqualTo(16384);
        // an adapter listed first (the one suggested) is shown with its base model's window
        e = discoverOne(java.util.Map.of(
                "/version", "{\"version\":\"0.9.1\"}",
                "/v1/models", "{\"data\":[{\"id\":\"sql-lora\",\"parent\":\"base\",\"max_model_len\":null},"
                        + "{\"id\":\"base\",\"max_model_len\":8192}]}"));
        assertThat(e.contextLength()).isEqualTo(8192);
    }

    @Test
    void findsNothingWhereNothingListens() throws Exception {
        assertThat(new EndpointDiscovery("127.0.0.1", List.of(closedPort()), Duration.ofMillis(300)).discover()).isEmpty();
    }
}
