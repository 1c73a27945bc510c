package dev.arbiter.eval.engine;

import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelException;
import dev.arbiter.client.RetryPolicy;
import dev.arbiter.client.Usage;
import dev.arbiter.eval.Generate;
import dev.arbiter.eval.store.ResponseCache;
import dev.arbiter.util.Ticker;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link Generate} one answer (sample × epoch) gets: sets the run's seed, answers from the cache when it can,
 * otherwise passes the request gate and retries through the client's {@link RetryPolicy}, and accounts calls, attempts,
 * tokens and latency for the answer's record. Used by one worker thread at a time.
 */
final class EngineGenerate implements Generate {
    private final ModelClient client;
    private final String endpointId;
    private final RequestGate gate;
    private final RetryPolicy retries;
    private final ResponseCache cache;
    private final Ticker ticker;
    private final Long seed;
    private final int epoch;
    /** Set when the run stops; read before every request. Set here too, on a run-ending error (see {@link #send}). */
    private final AtomicBoolean stopping;
    private final RequestShape shape;

    int calls;
    int attempts;
    int cachedCalls;
    long latencyNanos;
    long tokensIn;
    long tokensOut;
    boolean tokensReported;

    EngineGenerate(ModelClient client, String endpointId, RequestGate gate, RetryPolicy retries, ResponseCache cache,
                   Ticker ticker, Long seed, int epoch, AtomicBoolean stopping) {
        this(client, endpointId, gate, retries, cache, ticker, seed, epoch, stopping, RequestShape.NONE);
    }

    EngineGenerate(ModelClient client, String endpointId, RequestGate gate, RetryPolicy retries, ResponseCache cache,
                   Ticker ticker, Long seed, int epoch, AtomicBoolean stopping, RequestShape shape) {
        this.shape = shape;
        this.client = client;
        this.endpointId = endpointId;
        this.gate = gate;
        this.retries = retries;
        this.cache = cache;
        this.ticker = ticker;
        this.seed = seed;
        this.epoch = epoch;
        this.stopping = stopping;
    }

    @Override
    public GenerateResponse apply(GenerateRequest request) {
        calls++;
        // The run's --seed S sends S + epoch. A seed the task's own settings fix (a harness profile's: lm-eval sends
        // 1234 with every request) is kept for epoch 0, so a one-epoch run asks exactly what the reference asks, and
        // shifted by the epoch after it: the same seed in every epoch would make a seeded server (vLLM) give k equal
        // answers, and pass@k collapse to pass@1.
        Long base = seed != null ? seed : request.config().seed();
        GenerateRequest asked = base == null || (seed == null && epoch == 0) ? request
                : new GenerateRequest(request.messages(), request.prompt(), request.config().withSeed(base + epoch),
                request.stream());
        GenerateRequest r = shape.apply(asked);
        // Epochs of one sample ask the same thing; the salt keeps their answers apart when no seed tells them apart.
        // Streaming changes how the answer arrives, not what it is: the key is the request without it.
        GenerateRequest keyed = new GenerateRequest(r.messages(), r.prompt(), r.config(), false);
        String key = cache == null ? null : ResponseCache.key(endpointId, keyed, epoch == 0 ? "" : "epoch=" + epoch);
        if (key != null) {
            Optional<GenerateResponse> hit = cache.get(key);
            if (hit.isPresent()) {
                cachedCalls++;
                count(hit.get().usage());
                GenerateResponse h = hit.get();
                // a cached answer was not timed in this run: no TTFT or tokens/s for it
                return new GenerateResponse(h.text(), h.reasoning(), h.finishReason(), h.usage(), h.logprobs(), null, h.model());
            }
        }
        GenerateResponse response;
        try {
            response = retries.call(() -> send(r));
        } catch (CancellationException e) {
            throw new StoppedException(); // interrupted while waiting to retry
        }
        requireLogprobs(r, response);
        if (key != null) cache.put(key, response);
        count(response.usage());
        return response;
    }

    /**
     * A request that asked for logprobs and got text without any is refused rather than scored: the probe may have
     * seen logprobs in another mode (completions but not chat), and a logprob scorer would go blind on every sample.
     */
    private void requireLogprobs(GenerateRequest r, GenerateResponse response) {
        if (r.config().topLogprobs() == null || !response.logprobs().isEmpty()) return;
        if (response.text() == null || response.text().isEmpty()) return; // nothing generated, nothing to report
        throw new ModelException(ModelException.Kind.UNSUPPORTED, 0, "asked for top_logprobs="
                + r.config().topLogprobs() + " in a " + (r.isChat() ? "chat" : "completion")
                + " request and the server answered without logprobs; use a scorer that reads the answer text", null, null);
    }

    private GenerateResponse send(GenerateRequest r) {
        attempts++;
        if (stopping.get()) throw new StoppedException(); // no new request once the run is stopping
        try {
            gate.enter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoppedException();
        }
        if (stopping.get()) {
            gate.leave();
            throw new StoppedException();
        }
        long t0 = ticker.nanos();
        try {
            GenerateResponse response = client.generate(r);
            latencyNanos += ticker.nanos() - t0;
            return response;
        } catch (ModelException e) {
            stopOnRunEndingError(e);
            throw e;
        } finally {
            gate.leave();
        }
    }

    /**
     * A non-retriable error that is not this sample's own (a 400 for every request, a 401) ends the run: the stop is
     * raised here, before the request permit is released, so no other worker slips a request in between the failure
     * and the session's reaction to it (at concurrency 1, a run that fails at request 11 has asked exactly 11).
     */
    private void stopOnRunEndingError(ModelException e) {
        if (!e.retriable() && !e.sampleScoped()) stopping.set(true);
    }

    /**
     * A loglikelihood request: like {@link #apply}, counted, gated and retried, but not cached (it is deterministic and
     * cheap next to generation; a resumed run asks again).
     */
    @Override
    public dev.arbiter.client.PromptLogprobs promptLogprobs(String prompt) {
        calls++;
        dev.arbiter.client.PromptLogprobs r;
        try {
            r = retries.call(() -> {
                attempts++;
                if (stopping.get()) throw new StoppedException();
                try {
                    gate.enter();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoppedException();
                }
                long t0 = ticker.nanos();
                try {
                    return client.promptLogprobs(prompt);
                } catch (ModelException e) {
                    stopOnRunEndingError(e);
                    throw e;
                } finally {
                    latencyNanos += ticker.nanos() - t0;
                    gate.leave();
                }
            });
        } catch (CancellationException e) {
            throw new StoppedException();
        }
        count(r.usage());
        return r;
    }

    private void count(Usage u) {
        if (u.promptTokens() >= 0) {
            tokensIn += u.promptTokens();
            tokensReported = true;
        }
        if (u.completionTokens() >= 0) {
            tokensOut += u.completionTokens();
            tokensReported = true;
        }
    }
}
