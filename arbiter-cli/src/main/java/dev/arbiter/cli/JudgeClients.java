package dev.arbiter.cli;

import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.EnvLookup;
import dev.arbiter.client.ErrorMapper;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.client.RetryPolicy;
import dev.arbiter.client.RetryingModelClient;
import dev.arbiter.util.Ticker;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The judge client of {@code eval} and {@code mt-bench-pair}: the judge's endpoint flags resolved like
 * {@code --endpoint}, with retries of its own (judge calls happen inside scoring, outside the engine's retries).
 */
final class JudgeClients {
    private JudgeClients() {}

    static ModelClient create(String endpoint, String model, ApiFlavor api, String apiKeyEnv, Path endpointsConfig,
                              int retries, EnvLookup keys) {
        EndpointMixin j = new EndpointMixin();
        j.endpoint = endpoint;
        j.model = model;
        j.api = api;
        j.apiKeyEnv = apiKeyEnv;
        j.config = endpointsConfig;
        RetryPolicy policy = new RetryPolicy(retries + 1, RetryPolicy.DEFAULT_BASE_DELAY, RetryPolicy.DEFAULT_MAX_DELAY,
                RetryPolicy.DEFAULT_MAX_RETRY_AFTER, RetryPolicy.Sleeper.system(), new SplittableRandom());
        return new RetryingModelClient(ModelClients.create(j.resolve(), Ticker.system(), keys, ErrorMapper.system()), policy);
    }
}
