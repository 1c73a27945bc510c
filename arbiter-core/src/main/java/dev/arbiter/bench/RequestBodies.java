package dev.arbiter.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.http.WireJson;

import java.util.List;

/**
 * Streaming chat bodies for the benchmark. OpenAI-compatible: {@code stream_options.include_usage} so the server
 * reports the exact completion tokens; with {@code forceOutput}, {@code min_tokens} = {@code max_tokens} and
 * {@code ignore_eos} (vLLM, SGLang, llama.cpp) plus {@code n_predict} (llama.cpp), so every answer has the asked
 * length whatever the model would say. Ollama: {@code options.num_predict} (it has no ignore-EOS switch).
 */
final class RequestBodies {
    private final ApiFlavor api;
    private final String model;
    private final boolean forceOutput;
    private final Double temperature;

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
        for (ChatMessage m : messages) ms.addObject().put("role", m.role()).put("content", m.content());
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
}
