package dev.arbiter.bench;

/**
 * The server's own view during a level, from its Prometheus {@code /metrics} (vLLM, SGLang, TGI, llama.cpp with
 * {@code --metrics}), sampled about once a second; null fields were not exposed.
 *
 * @param samples             scrapes that succeeded
 * @param kvCacheUsageMax     highest KV-cache use seen, 0..1
 * @param kvCacheUsageMean    mean KV-cache use, 0..1
 * @param runningMax          most requests the server was running at once
 * @param waitingMax          most requests queued in the server
 * @param source              the metric family names that were read
 */
public record ServerMetrics(int samples, Double kvCacheUsageMax, Double kvCacheUsageMean, Double runningMax,
                            Double runningMean, Double waitingMax, Double waitingMean, String source) {}
