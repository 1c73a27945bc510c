package dev.arbiter.client;

import dev.arbiter.error.ArbiterException;

import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * A client that lets at most {@code limit} calls reach the wrapped one at a time: for a judge, whose calls come from
 * the scoring of many concurrent samples and would otherwise follow the concurrency of the model under test. Waiting
 * callers block in arrival order (a fair semaphore). Closing it closes the wrapped client.
 */
public final class BoundedModelClient implements ModelClient {
    private final ModelClient client;
    private final Semaphore permits;

    public BoundedModelClient(ModelClient client, int limit) {
        if (limit < 1) throw new IllegalArgumentException("judge concurrency must be >= 1, got " + limit);
        this.client = client;
        this.permits = new Semaphore(limit, true);
    }

    @Override
    public GenerateResponse generate(GenerateRequest request) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArbiterException("interrupted while waiting for the judge", e);
        }
        try {
            return client.generate(request);
        } finally {
            permits.release();
        }
    }

    @Override
    public Capabilities probe() { return client.probe(); }

    @Override
    public List<String> listModels() { return client.listModels(); }

    @Override
    public String describe() { return client.describe(); }

    @Override
    public void close() { client.close(); }
}
