package dev.arbiter.cost;

import java.util.Optional;

/** Where measured throughput comes from (the bench runs' evidence record); {@link #NONE} when nothing is stored. */
@FunctionalInterface
public interface ThroughputSource {
    ThroughputSource NONE = (model, quant, hardware, gpus, concurrency) -> Optional.empty();

    /** The newest run of {@code model} at {@code quant} on {@code gpus} × {@code hardware} with a level at {@code concurrency}. */
    Optional<MeasuredThroughput> find(String model, String quant, String hardware, int gpus, int concurrency);
}
