package dev.arbiter.client.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.Capabilities;
import dev.arbiter.client.CapabilityProbe;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.EndpointDiscovery;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelException;
import dev.arbiter.client.http.Http1Body;
import dev.arbiter.client.http.HttpTransport;
import dev.arbiter.client.http.ResponseAssembler;
import dev.arbiter.client.http.SseParser;
import dev.arbiter.client.http.WireJson;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An OpenAI-compatible server: vLLM, SGLang, llama.cpp server, TGI's Messages API, LiteLLM, LM Studio, Ollama's
 * /v1, hosted APIs. The base URL may be the server root ({@code http://host:8000}) or the API root
 * ({@code http://host:8000/v1}, or any other path, as the OpenAI SDKs take it).
 */
public final class OpenAiClient implements ModelClient {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final Endpoint endpoint;
    private final HttpTransport http;
    private final String apiRoot;
    private final URI serverRoot;

    public OpenAiClient(Endpoint endpoint, HttpTransport http) {
        this.endpoint = endpoint;
        this.http = http;
        this.apiRoot = apiRoot(endpoint.baseUrl());
        URI b = endpoint.baseUrl();
        this.serverRoot = URI.create(b.getScheme() + "://" + b.getRawAuthority());
    }

    /** The two request URIs, parsed on first use instead of on every request (two threads may both parse it: same value). */
    private volatile URI chatUri;
    private volatile URI completionsUri;

    private URI chatUri() {
        URI u = chatUri;
        if (u == null) chatUri = u = URI.create(apiRoot + "/chat/completions");
        return u;
    }

    private URI completionsUri() {
        URI u = completionsUri;
        if (u == null) completionsUri = u = URI.create(apiRoot + "/completions");
        return u;
    }

    /** Server root gets {@code /v1}; a URL that already has a path is taken as the API root. */
    public static String apiRoot(URI base) {
        String s = base.toString();
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        return path.isEmpty() ? s + "/v1" : s;
    }

    @Override
    public GenerateResponse generate(GenerateRequest request) {
        String model = endpoint.requireModel();
        boolean chat = request.isChat();
        Object body = chat ? ChatRequestBody.of(model, request) : CompletionRequestBody.of(model, request);
        HttpTransport.Exchange x = http.post(chat ? chatUri() : completionsUri(), body);
        ResponseAssembler a = http.assembler(x, request.stream());
        if (request.stream()) readStream(x, a);
        else take(http.read(x, CompletionBody.class), a, x.what(), true);
        return a.build();
    }

    private void readStream(HttpTransport.Exchange x, ResponseAssembler a) {
        boolean done = false;
        try (Http1Body body = x.body()) {
            // A server (or proxy) that ignores "stream": true answers with one JSON body: read it whole.
            java.io.PushbackInputStream in = new java.io.PushbackInputStream(body, 1);
            int first;
            do first = in.read(); while (first == ' ' || first == '\n' || first == '\r' || first == '\t');
            if (first == '{') {
                in.unread(first);
                CompletionBody whole;
                try {
                    whole = WireJson.MAPPER.readValue(in, CompletionBody.class);
                } catch (JsonProcessingException e) {
                    throw http.errors().malformed(x.what(), "bad body: " + e.getOriginalMessage(), e);
                }
                take(whole, a, x.what(), true);
                return;
            }
            if (first >= 0) in.unread(first);
            SseParser sse = new SseParser(in);
            while (sse.nextData()) {
                byte[] b = sse.data();
                int from = 0;
                int to = sse.dataLength();
                while (from < to && isAsciiSpace(b[from])) from++;
                while (to > from && isAsciiSpace(b[to - 1])) to--;
                // data that starts or ends with a non-ASCII character goes through a String, as it always did: String.strip
                // also removes non-ASCII spaces
                String text = from < to && (b[from] < 0 || b[to - 1] < 0) ? new String(b, from, to - from, StandardCharsets.UTF_8).strip() : null;
                if (text != null ? text.isEmpty() : from == to) continue;
                if (text != null ? text.equals("[DONE]")
                        : to - from == DONE.length && java.util.Arrays.equals(b, from, to, DONE, 0, DONE.length)) {
                    done = true;
                    break;
                }
                CompletionBody chunk;
                try {
                    chunk = text != null ? StreamChunks.parse(text) : StreamChunks.parse(b, from, to - from);
                } catch (JsonProcessingException e) {
                    throw http.errors().malformed(x.what(), "bad stream chunk: " + e.getOriginalMessage(), e);
                }
                take(chunk, a, x.what(), false);
                if (a.full()) {
                    done = true; // the answer reached its cap: the rest is not read
                    break;
                }
            }
        } catch (IOException e) {
            throw http.errors().fromIo(e, x.what());
        }
        if (!done && !a.finished()) throw http.errors().truncated(x.what());
    }

    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

    /** What {@link String#strip()} removes among ASCII characters. */
    private static boolean isAsciiSpace(byte c) {
        return c >= 0 && Character.isWhitespace(c);
    }

    private void take(CompletionBody b, ResponseAssembler a, String what, boolean whole) {
        if (b.error() != null && !b.error().isNull()) {
            throw http.errors().fromStreamError(WireJson.MAPPER.createObjectNode().set("error", b.error()), what);
        }
        a.model(b.model());
        if (b.usage() != null) a.usage(b.usage().promptTokens(), b.usage().completionTokens());
        Choice c = b.first();
        if (c == null) {
            if (b.ollamaShaped()) {
                throw new ModelException(ModelException.Kind.PROTOCOL, 200, what + ": answered with an Ollama-format body"
                        + " (\"message\", \"done\"), not OpenAI's: this is probably Ollama's native API; use --api ollama"
                        + " (or the server's /v1 path)", null, null);
            }
            if (whole) throw http.errors().malformed(what, "no choices in response", null);
            return; // the usage-only chunk at the end of a stream
        }
        a.text(c.contentText(), c.reasoningText());
        if (c.logprobs() != null) a.logprobs(c.logprobs().toTokens());
        a.finish(c.finishReason());
    }

    /** lm-eval's loglikelihood request ({@link EchoRequestBody}), read by {@link EchoReader}. */
    @Override
    public dev.arbiter.client.PromptLogprobs promptLogprobs(String prompt) {
        HttpTransport.Exchange x;
        try {
            x = http.post(URI.create(apiRoot + "/completions"), EchoRequestBody.of(endpoint.requireModel(), prompt));
        } catch (ModelException e) {
            if (e.kind() != ModelException.Kind.BAD_REQUEST) throw e;
            throw new ModelException(ModelException.Kind.UNSUPPORTED, e.status(), "the server refused lm-eval's loglikelihood"
                    + " request (/v1/completions with echo: true, logprobs: 1, max_tokens: 1): " + e.getMessage(), null, e);
        }
        EchoBody b = http.read(x, EchoBody.class);
        if (b.error() != null && !b.error().isNull()) {
            throw http.errors().fromStreamError(WireJson.MAPPER.createObjectNode().set("error", b.error()), x.what());
        }
        return EchoReader.read(prompt, b, x.what());
    }

    @Override
    public Capabilities probe() {
        return CapabilityProbe.probe(this, this::contextLength, this::serverName);
    }

    /**
     * vLLM's and SGLang's /v1/models {@code max_model_len}, llama.cpp's /props {@code n_ctx}, TGI's /info
     * {@code max_total_tokens}, LM Studio's /api/v0/models {@code max_context_length}.
     */
    private Integer contextLength() {
        JsonNode models = tryGet(URI.create(apiRoot + "/models"));
        if (models != null) {
            JsonNode m = EndpointDiscovery.entry(models, endpoint.model());
            // a vLLM LoRA adapter lists no window of its own: it is served with its base model's (its parent)
            if (m != null && listedContext(m) == null && m.hasNonNull("parent")) {
                JsonNode parent = EndpointDiscovery.entry(models, m.get("parent").asText());
                if (parent != null) m = parent;
            }
            Integer listed = m == null ? null : listedContext(m);
            if (listed != null) return listed;
        }
        JsonNode props = tryGet(serverRoot.resolve("/props"));
        if (props != null) {
            JsonNode n = props.path("default_generation_settings").path("n_ctx");
            if (!n.canConvertToInt()) n = props.path("n_ctx");
            if (n.canConvertToInt() && n.asInt() > 0) return n.asInt();
        }
        JsonNode info = tryGet(serverRoot.resolve("/info"));
        if (info != null && info.path("max_total_tokens").canConvertToInt() && info.path("max_total_tokens").asInt() > 0) {
            return info.path("max_total_tokens").asInt();
        }
        JsonNode lmStudio = tryGet(serverRoot.resolve("/api/v0/models"));
        if (lmStudio != null && EndpointDiscovery.isLmStudio(lmStudio)) {
            com.fasterxml.jackson.databind.node.ArrayNode mine = WireJson.MAPPER.createArrayNode();
            for (JsonNode m : lmStudio.path("data")) if (m.path("id").asText().equals(endpoint.model())) mine.add(m);
            return EndpointDiscovery.lmStudioContext(WireJson.MAPPER.createObjectNode().set("data", mine));
        }
        return null;
    }

    private static Integer listedContext(JsonNode m) {
        for (String f : List.of("max_model_len", "context_length", "max_context_length", "context_window")) {
            if (m.path(f).canConvertToInt() && m.path(f).asInt() > 0) return m.path(f).asInt();
        }
        return null;
    }

    private String serverName() {
        return new EndpointDiscovery().identify(serverRoot)
                .map(d -> d.version() == null ? d.server() : d.server() + " " + d.version())
                .orElse("openai-compatible");
    }

    private JsonNode tryGet(URI uri) {
        try {
            return http.getJson(uri, PROBE_TIMEOUT);
        } catch (ModelException e) {
            return null;
        }
    }

    @Override
    public List<String> listModels() {
        JsonNode n = http.getJson(URI.create(apiRoot + "/models"), endpoint.requestTimeout());
        List<String> ids = new ArrayList<>();
        for (JsonNode m : n.path("data")) if (m.hasNonNull("id")) ids.add(m.get("id").asText());
        return ids;
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
        return "OpenAiClient[" + describe() + "]";
    }
}
