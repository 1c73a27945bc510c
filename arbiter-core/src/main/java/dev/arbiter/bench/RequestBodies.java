package dev.arbiter.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.ImagePart;
import dev.arbiter.client.http.WireJson;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Streaming chat bodies for the benchmark. OpenAI-compatible: {@code stream_options.include_usage} so the server
 * reports the exact completion tokens; with {@code forceOutput}, {@code min_tokens} = {@code max_tokens} and
 * {@code ignore_eos} (vLLM, SGLang, llama.cpp) plus {@code n_predict} (llama.cpp), so every answer has the asked
 * length whatever the model would say. Ollama: {@code options.num_predict} (it has no ignore-EOS switch).
 * A user turn with images goes as the chat client sends it: OpenAI-compatible {@code content} parts (the text, then
 * each image as an {@code image_url} holding a base64 {@code data:} URL), Ollama's bare base64 strings in
 * {@code images}. The base64 text of an image is made once and reused (a workload sends the same images again in
 * later turns' history and later levels), so encoding does not add to the client's work per request.
 */
final class RequestBodies {
    private final ApiFlavor api;
    private final String model;
    private final boolean forceOutput;
    private final Double temperature;
    /** Encoded images by digest; bounded so a dataset of many large images cannot hold two copies of each. */
    private final Map<String, String> encoded = new ConcurrentHashMap<>();
    private static final int ENCODED_CACHE = 1024;

    RequestBodies(ApiFlavor api, String model, boolean forceOutput, Double temperature) {
        this.api = api;
        this.model = model;
        this.forceOutput = forceOutput;
        this.temperature = temperature;
    }

    ObjectNode chat(List<ChatMessage> messages, int maxTokens) {
        ObjectNode b = WireJson.MAPPER.createObjectNode();
        b.put("model", model);
        ArrayNode ms = b.putArray("messages");
        for (ChatMessage m : messages) message(ms.addObject(), m);
        b.put("stream", true);
        if (api == ApiFlavor.ollama) {
            ObjectNode o = b.putObject("options");
            o.put("num_predict", maxTokens);
            if (temperature != null) o.put("temperature", temperature);
            return b;
        }
        b.putObject("stream_options").put("include_usage", true);
        b.put("max_tokens", maxTokens);
        if (temperature != null) b.put("temperature", temperature);
        if (forceOutput) {
            b.put("min_tokens", maxTokens);
            b.put("ignore_eos", true);
            b.put("n_predict", maxTokens);
        }
        return b;
    }

    private void message(ObjectNode o, ChatMessage m) {
        o.put("role", m.role());
        if (!m.hasImages()) {
            o.put("content", m.content());
            return;
        }
        if (api == ApiFlavor.ollama) {
            o.put("content", m.content());
            ArrayNode images = o.putArray("images");
            for (ImagePart p : m.images()) images.add(wire(p));
            return;
        }
        ArrayNode parts = o.putArray("content");
        if (!m.content().isEmpty()) parts.addObject().put("type", "text").put("text", m.content());
        for (ImagePart p : m.images()) {
            parts.addObject().put("type", "image_url").putObject("image_url").put("url", wire(p));
        }
    }

    /** The image as this API carries it: a {@code data:} URL (OpenAI-compatible) or bare base64 (Ollama). */
    private String wire(ImagePart p) {
        String s = encoded.get(p.sha256());
        if (s != null) return s;
        s = api == ApiFlavor.ollama ? p.base64() : p.dataUrl();
        if (encoded.size() < ENCODED_CACHE) encoded.putIfAbsent(p.sha256(), s);
        return s;
    }
}
