package dev.arbiter.eval.engine;

import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerationConfig;

/**
 * What the engine changes in every request a solver makes, from what the probe found and the run's options: the
 * context window asked of Ollama, the top-logprobs count held to the server's limit, and streaming.
 *
 * @param numCtx         {@code num_ctx} to send (Ollama), or null to leave the server's
 * @param maxTopLogprobs the most top logprobs the server accepts (TGI: 5 by default), or null when unknown
 * @param stream         stream requests that read no logprobs (TTFT and tokens/s come only from streams)
 */
record RequestShape(Integer numCtx, Integer maxTopLogprobs, boolean stream) {
    static final RequestShape NONE = new RequestShape(null, null, false);

    GenerateRequest apply(GenerateRequest r) {
        GenerationConfig c = r.config();
        if (numCtx != null && c.numCtx() == null) c = c.withNumCtx(numCtx);
        if (maxTopLogprobs != null && c.topLogprobs() != null && c.topLogprobs() > maxTopLogprobs) {
            c = c.withTopLogprobs(maxTopLogprobs);
        }
        // Some servers leave logprobs out of stream chunks; a logprob read gains nothing from streaming anyway.
        boolean s = r.stream() || (stream && c.topLogprobs() == null);
        return c == r.config() && s == r.stream() ? r : new GenerateRequest(r.messages(), r.prompt(), c, s);
    }
}
