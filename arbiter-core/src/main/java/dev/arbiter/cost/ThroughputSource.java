package dev.arbiter.cost;

import java.util.List;

/** Where measured throughput comes from (the bench runs' evidence record); {@link #NONE} when nothing is stored. */
@FunctionalInterface
public interface ThroughputSource {
    ThroughputSource NONE = (model, quant, hardware, gpus, concurrency) -> List.of();

    /**
     * The runs of {@code model} at {@code quant} on {@code gpus} × {@code hardware} with a closed-loop level at
     * {@code concurrency}, newest first, whatever workload they ran (the caller keeps the ones like its own).
     */
    List<MeasuredThroughput> find(String model, String quant, String hardware, int gpus, int concurrency);
}
