package dev.arbiter.client;

import java.util.List;

/**
 * A client whose generate calls go through a {@link RetryPolicy}: for model calls made outside the engine (which
 * retries its own), such as a judge grading answers, so one 429 or dropped connection from the judge does not
 * leave an answer unscored. Closing it closes the wrapped client.
 */
public final class RetryingModelClient implements ModelClient {
    private final ModelClient client;
    private final RetryPolicy retries;

    public RetryingModelClient(ModelClient client, RetryPolicy retries) {
        this.client = client;
        this.retries = retries;
    }

    /** @throws ModelException the last error once retries are spent, or at once when not retriable */
    @Override
    public GenerateResponse generate(GenerateRequest request) {
        return retries.call(() -> client.generate(request));
    }

    @Override
    public Capabilities probe() { return retries.call(client::probe); }

    @Override
    public List<String> listModels() { return retries.call(client::listModels); }

    @Override
    public String describe() { return client.describe(); }

    @Override
    public void close() { client.close(); }
}
