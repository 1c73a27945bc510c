package dev.arbiter.probe.guard;

import java.util.List;

/**
 * One guard decision.
 *
 * @param flagged    true = the guard would block; null when its answer could not be read (unscored, never "safe")
 * @param categories the hazard codes it named (Llama Guard S1..S14, O1..O6) when flagged; empty otherwise, also when
 *                   the probability overruled an "unsafe" text
 * @param pUnsafe    probability of the unsafe/Yes/malicious class when the server gave logprobs or class
 *                   probabilities; null otherwise (the verdict then comes from the text alone)
 * @param latencyMs  wall time of the guard's calls for this decision, in ms
 * @param raw        the guard's raw answer (cut to 200 chars), for the log
 */
public record GuardVerdict(Boolean flagged, List<String> categories, Double pUnsafe, long latencyMs, String raw) {
    public GuardVerdict {
        categories = categories == null ? List.of() : List.copyOf(categories);
        if (raw != null && raw.length() > 200) raw = raw.substring(0, 200);
        if (latencyMs < 0) throw new IllegalArgumentException("latency must be >= 0, got " + latencyMs);
    }

    public GuardVerdict withLatency(long ms) {
        return new GuardVerdict(flagged, categories, pUnsafe, ms, raw);
    }
}
