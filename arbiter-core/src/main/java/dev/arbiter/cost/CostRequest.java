package dev.arbiter.cost;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.fit.Hardware;

/**
 * One deployment to price: {@code gpus} × {@code hardware} serving {@code workload} with {@code concurrency} requests in flight.
 *
 * @param tokensPerMonth   output tokens a month the deployment must serve, or null
 * @param targetTokensPerS output tokens/s the service must sustain, or null
 * @param currency         the currency of every amount out
 */
public record CostRequest(Hardware hardware, int gpus, Workload workload, int concurrency, Long tokensPerMonth,
                          Double targetTokensPerS, Currency currency) {
    /** Requests in flight when none is given: a busy chat service, well inside most KV caches. */
    public static final int DEFAULT_CONCURRENCY = 32;

    public CostRequest {
        if (hardware == null) throw new InvalidInputException("cost needs --hardware ID (./arbiter hardware lists them)");
        if (gpus < 1) throw new InvalidInputException("--gpus must be >= 1, got " + gpus);
        if (concurrency < 1) throw new InvalidInputException("--concurrency must be >= 1, got " + concurrency);
        if (tokensPerMonth != null && tokensPerMonth < 1) throw new InvalidInputException("--tokens-per-month must be >= 1, got " + tokensPerMonth);
        if (targetTokensPerS != null && !(targetTokensPerS > 0)) throw new InvalidInputException("--target-tokens-per-second must be > 0, got " + targetTokensPerS);
        if (workload == null) workload = Workload.DEFAULT;
        if (currency == null) currency = Currency.USD;
    }
}
