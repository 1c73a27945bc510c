package dev.arbiter.cost;

import dev.arbiter.evidence.ClosedLoopLevel;
import dev.arbiter.evidence.Evidence;
import dev.arbiter.evidence.EvidenceStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Measured throughput from the bench runs' evidence: the runs that measured this model, quantisation, hardware and
 * GPU count at exactly the concurrency asked for (a closed-loop level), newest first. Runs are read once.
 */
public final class BenchThroughput implements ThroughputSource {
    private final EvidenceStore store;
    private final List<Evidence> evidence;

    public BenchThroughput(EvidenceStore store) {
        this.store = store;
        this.evidence = store.all();  // newest first
    }

    @Override
    public List<MeasuredThroughput> find(String model, String quant, String hardware, int gpus, int concurrency) {
        List<MeasuredThroughput> out = new ArrayList<>();
        for (Evidence e : evidence) {
            if (!e.measures(model, quant, hardware, gpus)) continue;
            ClosedLoopLevel level = store.closedLoopLevels(e.runId()).get(concurrency);
            if (level != null && level.outputTokensPerS() > 0) {
                out.add(new MeasuredThroughput(e.runId(), e.measuredAt(), concurrency, level.outputTokensPerS(),
                        level.inputTokensPerRequest(), level.outputTokensPerRequest()));
            }
        }
        return out;
    }
}
