package dev.arbiter.probe.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.client.ModelException;
import dev.arbiter.util.Ticker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A prompt-injection classifier (Llama Prompt Guard 2) served for sequence classification behind vLLM's or
 * SGLang's classify API: {@code POST /classify {"model", "input"}} (vLLM; SGLang serves {@code /v1/classify}, tried
 * when the first answers 404) → {@code data[0].probs}. With two classes the
 * second is the malicious one (Prompt Guard 2: LABEL_1); its probability is compared with the threshold. Without
 * probabilities a label naming malicious/injection/jailbreak/unsafe or LABEL_1 flags. It screens prompts only:
 * untrusted text (the user turn with any document or tool result in it) is what it is trained on.
 */
public final class PromptGuard implements GuardClassifier {
    private static final ObjectMapper M = new ObjectMapper();
    private final HttpClient http;
    private final URI classify;
    private final URI classifyV1;
    private volatile URI working;
    private final String model;
    private final String apiKey;
    private final double threshold;
    private final Ticker ticker;

    public PromptGuard(URI baseUrl, String model, String apiKey, double threshold, Ticker ticker) {
        String base = baseUrl.toString().replaceAll("/+$", "").replaceAll("/v1$", "");
        this.classify = URI.create(base + "/classify");
        this.classifyV1 = URI.create(base + "/v1/classify");
        this.model = model;
        this.apiKey = apiKey;
        this.threshold = threshold;
        this.ticker = ticker;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override public String kind() { return "prompt_guard"; }
    @Override public String model() { return model; }
    @Override public boolean screensResponses() { return false; }

    @Override
    public GuardVerdict response(String prompt, String reply) {
        throw new UnsupportedOperationException("a prompt-injection classifier screens prompts only");
    }

    @Override
    public GuardVerdict prompt(String prompt) {
        long t0 = ticker.nanos();
        String body;
        try {
            body = M.writeValueAsString(M.createObjectNode().put("model", model).put("input", prompt));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        URI target = working != null ? working : classify;
        HttpResponse<String> r = post(target, body);
        if (r.statusCode() == 404 && working == null) {
            target = classifyV1;
            r = post(target, body);
        }
        long ms = (ticker.nanos() - t0) / 1_000_000;
        if (r.statusCode() != 200) {
            throw new ModelException(r.statusCode() >= 500 ? ModelException.Kind.SERVER_ERROR
                    : r.statusCode() == 404 ? ModelException.Kind.NOT_FOUND : ModelException.Kind.BAD_REQUEST,
                    r.statusCode(), "guard " + target + " answered HTTP " + r.statusCode(), null, null);
        }
        working = target;
        return parse(r.body(), threshold).withLatency(ms);
    }

    private HttpResponse<String> post(URI target, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (apiKey != null) b.header("Authorization", "Bearer " + apiKey);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ModelException(ModelException.Kind.CONNECTION, 0, "guard " + target + ": " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException(ModelException.Kind.CONNECTION, 0, "guard call interrupted", null, e);
        }
    }

    static GuardVerdict parse(String json, double threshold) {
        JsonNode d;
        try {
            d = M.readTree(json).path("data").path(0);
        } catch (IOException e) {
            return new GuardVerdict(null, List.of(), null, 0, json);
        }
        String label = d.path("label").asText("");
        JsonNode probs = d.path("probs");
        if (probs.isArray() && probs.size() == 2) {
            double p = probs.get(1).asDouble();
            return new GuardVerdict(p >= threshold, List.of(), p, 0, label);
        }
        if (label.isEmpty()) return new GuardVerdict(null, List.of(), null, 0, json);
        boolean bad = label.matches("(?i).*(malicious|injection|jailbreak|unsafe|label_1).*");
        return new GuardVerdict(bad, List.of(), null, 0, label);
    }
}
