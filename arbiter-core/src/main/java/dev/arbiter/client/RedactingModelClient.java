package dev.arbiter.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scrubs the API key from everything a server sends back: a server (or a proxy in front of it) that echoes the
 * Authorization header in an answer would otherwise put the key into run logs, the store and the response cache.
 * Errors are scrubbed by the {@link ErrorMapper}; this covers successful answers. A key split across logprob
 * tokens is not found (no single token holds it), so token text is scrubbed one token at a time only.
 */
final class RedactingModelClient implements ModelClient {
    static final String REDACTED = "[redacted]";
    /**
     * Shortest key scrubbed: below it the key is likely to occur in ordinary answers ('4' in '42'), and scrubbing
     * would change what is scored. {@link ModelClients} refuses shorter keys; at this length or more, a key found in
     * an answer is an echo of the Authorization header, not the model's text.
     */
    static final int MIN_KEY_CHARS = 8;

    private final ModelClient delegate;
    private final String secret;

    RedactingModelClient(ModelClient delegate, String secret) {
        if (secret == null || secret.length() < MIN_KEY_CHARS) {
            throw new IllegalArgumentException("secret: must be at least " + MIN_KEY_CHARS + " characters");
        }
        this.delegate = delegate;
        this.secret = secret;
    }

    @Override
    public GenerateResponse generate(GenerateRequest request) {
        GenerateResponse r = delegate.generate(request);
        return new GenerateResponse(scrub(r.text()), scrub(r.reasoning()), scrub(r.finishReason()), r.usage(),
                r.logprobs().stream().map(this::scrub).toList(), r.timing(), scrub(r.model()));
    }

    /** The tokens are the prompt's own text, which Arbiter wrote: nothing of the key to scrub. */
    @Override
    public PromptLogprobs promptLogprobs(String prompt) {
        return delegate.promptLogprobs(prompt);
    }

    @Override
    public Capabilities probe() {
        Capabilities c = delegate.probe();
        return new Capabilities(c.chat(), c.completions(), c.logprobs(), c.contextLength(), scrub(c.serverModel()),
                scrub(c.server()), c.maxTopLogprobs(), c.trainedContextLength());
    }

    @Override
    public List<String> listModels() {
        return delegate.listModels().stream().map(this::scrub).toList();
    }

    @Override
    public String describe() { return delegate.describe(); }

    @Override
    public void close() { delegate.close(); }

    @Override
    public String toString() { return "RedactingModelClient[" + delegate.describe() + "]"; }

    private TokenLogprob scrub(TokenLogprob t) {
        Map<String, Double> top = new LinkedHashMap<>();
        t.top().forEach((k, v) -> top.merge(scrub(k), v, Math::max));
        return new TokenLogprob(scrub(t.token()), t.logprob(), top);
    }

    private String scrub(String s) {
        return s == null ? null : s.replace(secret, REDACTED);
    }
}
