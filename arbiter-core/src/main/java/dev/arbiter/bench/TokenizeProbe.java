package dev.arbiter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.client.ModelException;
import dev.arbiter.client.http.HttpTransport;
import dev.arbiter.client.http.WireJson;

import java.net.URI;

/** Asks the server's {@code /tokenize} (vLLM, SGLang: messages; llama.cpp: content) for exact prompt lengths. */
final class TokenizeProbe {
    private TokenizeProbe() {}

    /** Measures the first turn of the first {@code n} conversations; null when the server has no /tokenize. */
    static InputCheck check(HttpTransport http, URI serverRoot, String model, Workload w, int n) {
        URI uri = serverRoot.resolve("/tokenize");
        String source = null;
        double est = 0, got = 0;
        int done = 0;
        for (int i = 0; i < n; i++) {
            Conversation c = w.conversation(i);
            Turn t = c.turns().get(0);
            Integer count = null;
            if (source == null || source.equals("vllm")) {
                count = vllm(http, uri, model, c, t);
                if (count != null) source = "vllm";
            }
            if (count == null && (source == null || source.equals("llama.cpp"))) {
                count = llamaCpp(http, uri, (c.system() == null ? "" : c.system() + "\n") + t.user());
                if (count != null) source = "llama.cpp";
            }
            if (count == null) return done == 0 ? null : new InputCheck(source, done, est / done, got / done);
            est += c.systemTokens() + t.inputTokens();
            got += count;
            done++;
        }
        return done == 0 ? null : new InputCheck(source, done, est / done, got / done);
    }

    private static Integer vllm(HttpTransport http, URI uri, String model, Conversation c, Turn t) {
        ObjectNode b = WireJson.MAPPER.createObjectNode();
        b.put("model", model);
        var ms = b.putArray("messages");
        if (c.system() != null) ms.addObject().put("role", "system").put("content", c.system());
        ms.addObject().put("role", "user").put("content", t.user());
        JsonNode r = post(http, uri, b);
        return r != null && r.path("count").canConvertToInt() ? r.path("count").asInt() : null;
    }

    private static Integer llamaCpp(HttpTransport http, URI uri, String text) {
        ObjectNode b = WireJson.MAPPER.createObjectNode();
        b.put("content", text);
        JsonNode r = post(http, uri, b);
        return r != null && r.path("tokens").isArray() ? r.path("tokens").size() : null;
    }

    private static JsonNode post(HttpTransport http, URI uri, ObjectNode body) {
        try {
            return http.postForJson(uri, body);
        } catch (ModelException e) {
            return null;
        }
    }
}
