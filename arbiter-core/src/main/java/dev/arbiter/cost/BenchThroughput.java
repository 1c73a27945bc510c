package dev.arbiter.cost;

import dev.arbiter.evidence.Evidence;
import dev.arbiter.evidence.EvidenceStore;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measured throughput from the bench runs' evidence: the newest run that measured this model, quantisation, hardware
 * and GPU count at exactly the concurrency asked for (a closed-loop level). Runs are read once.
 */
public final class BenchThroughput implements ThroughputSource {
    private final EvidenceStore store;
    private final List<Evidence> evidence;

    public BenchThroughput(EvidenceStore store) {
        this.store = store;
        this.evidence = store.all();  // newest first
    }

    @Override
    public Optional<MeasuredThroughput> find(String model, String quant, String hardware, int gpus, int concurrency) {
        for (Evidence e : evidence) {
            if (!e.measures(model, quant, hardware, gpus)) continue;
            Map<Integer, Double> levels = store.closedLoopOutputThroughput(e.runId());
            Double tps = levels.get(concurrency);
            if (tps != null && tps > 0) return Optional.of(new MeasuredThroughput(e.runId(), e.measuredAt(), concurrency, tps));
        }
        return Optional.empty();
    }
}
