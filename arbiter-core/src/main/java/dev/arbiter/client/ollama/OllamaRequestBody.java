package dev.arbiter.client.ollama;

import dev.arbiter.client.GenerateRequest;

import java.util.List;

/**
 * Body of POST /api/chat ({@code messages}) or /api/generate ({@code prompt}, sent {@code raw} so Ollama applies no
 * chat template: a completion means the prompt as given). {@code stream} is always sent because Ollama streams
 * by default. {@code truncate: false} asks Ollama to refuse a prompt longer than the context instead of silently
 * dropping its beginning (servers older than the field ignore it).
 */
record OllamaRequestBody(String model, List<WireMessage> messages, String prompt, Boolean raw, boolean stream,
                         Options options, Boolean logprobs, Integer topLogprobs, Boolean truncate) {
    static OllamaRequestBody of(String model, GenerateRequest r) {
        Integer k = r.config().topLogprobs();
        Boolean lp = k == null ? null : Boolean.TRUE;
        if (r.isChat()) {
            return new OllamaRequestBody(model, r.messages().stream().map(WireMessage::of).toList(), null, null, r.stream(),
                    Options.of(r.config()), lp, k, Boolean.FALSE);
        }
        return new OllamaRequestBody(model, null, r.prompt(), Boolean.TRUE, r.stream(), Options.of(r.config()), lp, k,
                Boolean.FALSE);
    }
}
