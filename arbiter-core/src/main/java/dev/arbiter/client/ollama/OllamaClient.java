package dev.arbiter.client.ollama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.Capabilities;
import dev.arbiter.client.CapabilityProbe;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelException;
import dev.arbiter.client.http.Http1Body;
import dev.arbiter.client.http.HttpTransport;
import dev.arbiter.client.http.LineReader;
import dev.arbiter.client.http.ResponseAssembler;
import dev.arbiter.client.http.WireJson;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Ollama's native API: /api/chat, /api/generate (NDJSON when streaming), /api/tags, /api/show, /api/version. */
public final class OllamaClient implements ModelClient {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final Endpoint endpoint;
    private final HttpTransport http;
    private final String root;

    public OllamaClient(Endpoint endpoint, HttpTransport http) {
        this.endpoint = endpoint;
        this.http = http;
        String s = endpoint.baseUrl().toString();
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        this.root = s;
    }

    @Override
    public GenerateResponse generate(GenerateRequest request) {
        String model = endpoint.requireModel();
        String path = request.isChat() ? "/api/chat" : "/api/generate";
        HttpTransport.Exchange x = http.post(URI.create(root + path), OllamaRequestBody.of(model, request));
        ResponseAssembler a = http.assembler(x, request.stream());
        if (request.stream()) {
            readStream(x, a);
        } else {
            OllamaChunk whole = http.read(x, OllamaChunk.class);
            take(whole, a, x.what());
            if (!whole.isDone()) throw wrongShape(x.what(), "a body without Ollama's \"done\" field");
        }
        return a.build();
    }

    /**
     * An answer that is not Ollama's: most likely a server that mimics Ollama's routes but speaks OpenAI's format
     * (llama.cpp's llama-server answers /api/tags and /api/chat that way). Never taken as an empty answer.
     */
    private ModelException wrongShape(String what, String seen) {
        return new ModelException(ModelException.Kind.PROTOCOL, 200, what + ": answered with " + seen
                + ", not Ollama's format: this is probably llama.cpp's server or another OpenAI-compatible server that"
                + " also answers Ollama's routes; use --api openai (or check the endpoint's api in endpoints.yaml)", null, null);
    }

    private void readStream(HttpTransport.Exchange x, ResponseAssembler a) {
        boolean done = false;
        try (Http1Body in = x.body()) {
            LineReader lines = new LineReader(in);
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) continue;
                if (line.startsWith("data:") || line.startsWith("event:")) {
                    throw wrongShape(x.what(), "an OpenAI-format server-sent-event stream");
                }
                OllamaChunk chunk;
                try {
                    chunk = WireJson.MAPPER.readValue(line, OllamaChunk.class);
                } catch (JsonProcessingException e) {
                    throw http.errors().malformed(x.what(), "bad stream line: " + e.getOriginalMessage(), e);
                }
                take(chunk, a, x.what());
                if (chunk.isDone() || a.full()) {
                    done = true;
                    break;
                }
            }
        } catch (IOException e) {
            throw http.errors().fromIo(e, x.what());
        }
        if (!done) throw http.errors().truncated(x.what());
    }

    private void take(OllamaChunk c, ResponseAssembler a, String what) {
        if (c.error() != null && !c.error().isNull()) {
            throw http.errors().fromStreamError(WireJson.MAPPER.createObjectNode().set("error", c.error()), what);
        }
        if (c.openAiShaped()) throw wrongShape(what, "an OpenAI-format body (\"choices\")");
        a.model(c.model());
        a.text(c.contentText(), c.reasoningText());
        a.logprobs(c.tokens());
        if (c.isDone()) {
            a.finish(c.doneReason() == null ? "stop" : c.doneReason());
            a.usage(c.promptEvalCount(), c.evalCount());
        }
    }

    /**
     * The served context is the loaded model's ({@code /api/ps} {@code context_length}: Ollama's default, 4096 below
     * 24 GiB of VRAM, or {@code num_ctx}); the trained one, from {@code /api/show}, is kept beside it. The probe's own
     * requests load the model, so /api/ps is read after them.
     */
    @Override
    public Capabilities probe() {
        Capabilities c = CapabilityProbe.probe(this, this::servedContextLength, this::serverName);
        return c.withContext(c.contextLength(), trainedContextLength());
    }

    /** {@code context_length} of this model in /api/ps, or null when it is not loaded (or the server is older). */
    private Integer servedContextLength() {
        JsonNode ps;
        try {
            ps = http.getJson(URI.create(root + "/api/ps"), PROBE_TIMEOUT);
        } catch (ModelException e) {
            return null;
        }
        String model = endpoint.requireModel();
        for (JsonNode m : ps.path("models")) {
            String name = m.path("name").asText(m.path("model").asText());
            boolean same = name.equals(model) || name.equals(model + ":latest");
            if (same && m.path("context_length").canConvertToInt() && m.path("context_length").asInt() > 0) {
                return m.path("context_length").asInt();
            }
        }
        return null;
    }

    /** {@code model_info["<architecture>.context_length"]} from /api/show: the model's trained context. */
    private Integer trainedContextLength() {
        JsonNode show;
        try {
            show = http.readTree(http.post(URI.create(root + "/api/show"), new ShowRequestBody(endpoint.requireModel())));
        } catch (ModelException e) {
            return null;
        }
        JsonNode info = show.path("model_info");
        String arch = info.path("general.architecture").asText("");
        JsonNode n = info.path(arch + ".context_length");
        if (n.canConvertToInt()) return n.asInt();
        for (Map.Entry<String, JsonNode> e : info.properties()) {
            if (e.getKey().endsWith(".context_length") && e.getValue().canConvertToInt()) return e.getValue().asInt();
        }
        return null;
    }

    private String serverName() {
        try {
            JsonNode v = http.getJson(URI.create(root + "/api/version"), PROBE_TIMEOUT);
            return v.hasNonNull("version") ? "ollama " + v.get("version").asText() : "ollama";
        } catch (ModelException e) {
            return "ollama";
        }
    }

    @Override
    public List<String> listModels() {
        JsonNode tags = http.getJson(URI.create(root + "/api/tags"), endpoint.requestTimeout());
        List<String> names = new ArrayList<>();
        for (JsonNode m : tags.path("models")) names.add(m.path("name").asText(m.path("model").asText()));
        return names;
    }

    /** Closes the idle keep-alive connections. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String describe() {
        return endpoint.describe();
    }

    @Override
    public String toString() {
        return "OllamaClient[" + describe() + "]";
    }
}
