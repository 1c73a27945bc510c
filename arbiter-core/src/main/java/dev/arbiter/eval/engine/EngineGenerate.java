package dev.arbiter.eval.engine;

import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.RetryPolicy;
import dev.arbiter.client.Usage;
import dev.arbiter.eval.Generate;
import dev.arbiter.eval.store.ResponseCache;
import dev.arbiter.util.Ticker;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

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
    private final BooleanSupplier stopping;

    int calls;
    int attempts;
    int cachedCalls;
    long latencyNanos;
    long tokensIn;
    long tokensOut;
    boolean tokensReported;

    EngineGenerate(ModelClient client, String endpointId, RequestGate gate, RetryPolicy retries, ResponseCache cache,
                   Ticker ticker, Long seed, int epoch, BooleanSupplier stopping) {
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
        GenerateRequest r = seed == null ? request
                : new GenerateRequest(request.messages(), request.prompt(), request.config().withSeed(seed + epoch),
                request.stream());
        // Epochs of one sample ask the same thing; the salt keeps their answers apart when no seed tells them apart.
        String key = cache == null ? null : ResponseCache.key(endpointId, r, epoch == 0 ? "" : "epoch=" + epoch);
        if (key != null) {
            Optional<GenerateResponse> hit = cache.get(key);
            if (hit.isPresent()) {
                cachedCalls++;
                count(hit.get().usage());
                return hit.get();
            }
        }
        GenerateResponse response;
        try {
            response = retries.call(() -> send(r));
        } catch (CancellationException e) {
            throw new StoppedException(); // interrupted while waiting to retry
        }
        if (key != null) cache.put(key, response);
        count(response.usage());
        return response;
    }

    private GenerateResponse send(GenerateRequest r) {
        attempts++;
        if (stopping.getAsBoolean()) throw new StoppedException(); // no new request once the run is stopping
        try {
            gate.enter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoppedException();
        }
        if (stopping.getAsBoolean()) {
            gate.leave();
            throw new StoppedException();
        }
        long t0 = ticker.nanos();
        try {
            GenerateResponse response = client.generate(r);
            latencyNanos += ticker.nanos() - t0;
            return response;
        } finally {
            gate.leave();
        }
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
