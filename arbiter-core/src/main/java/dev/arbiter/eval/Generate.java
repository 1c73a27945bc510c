package dev.arbiter.eval;

import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;

/**
 * What a solver calls to ask the model: the engine's wrapper around a ModelClient that adds retries, the
 * response cache, rate limiting and accounting. Solvers never see the raw client.
 */
@FunctionalInterface
public interface Generate {
    GenerateResponse apply(GenerateRequest request);
}
