package dev.arbiter.bench;

import dev.arbiter.evidence.Evidence;

import java.time.Instant;
import java.util.List;

/** Builds the {@link Evidence} of a run from its levels. */
public final class EvidenceOf {
    private EvidenceOf() {}

    /**
     * Single-stream TPOT is the median TPOT of a closed-loop level at concurrency 1 (decode with nothing batched);
     * peak throughput is the best output-token throughput over all levels.
     */
    public static Evidence levels(String runId, Instant at, String endpoint, String servedModel, String catalogModel,
                                  String proposed, String quant, String hardware, int gpus, List<LevelResult> levels) {
        Double tpot = null;
        Double peak = null;
        String peakLevel = null;
        for (LevelResult l : levels) {
            if (l.rate() == null && l.concurrency() != null && l.concurrency() == 1 && l.tpotMs().n() > 0 && tpot == null) {
                tpot = l.tpotMs().p50();
            }
            if (l.outputTokenThroughput() != null && l.completed() > 0 && (peak == null || l.outputTokenThroughput() > peak)) {
                peak = l.outputTokenThroughput();
                peakLevel = l.level().label();
            }
        }
        if (tpot != null && !(tpot > 0)) tpot = null;
        return new Evidence(runId, at, endpoint, servedModel, catalogModel, proposed, quant, hardware, gpus, tpot,
                tpot == null ? null : 1000.0 / tpot, peak, peakLevel);
    }
}
