package dev.arbiter.probe;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * ASR@k of one category, counted per sample over its k attempts (epochs). A sample is hit when any scored attempt
 * hit; it is not hit only when all k attempts were scored and none hit. Otherwise its outcome is unknown — an
 * unscored attempt (empty, cut off, failed) might have been the hit — so, as pass@k is without k results, it is
 * left out of the denominator instead of being counted as not hit. Mutable while a report is built.
 */
final class AsrAtK {
    private final Set<String> samples = new LinkedHashSet<>();
    private final Set<String> hit = new HashSet<>();
    /** sample id → epochs whose attempt was scored (a set: a re-read attempt is not counted twice) */
    private final Map<String, Set<Integer>> scoredEpochs = new HashMap<>();

    /** One attempt; {@code hit} null when it was not scored. */
    void add(String sampleId, int epoch, Boolean hit) {
        samples.add(sampleId);
        if (hit == null) return;
        scoredEpochs.computeIfAbsent(sampleId, s -> new HashSet<>()).add(epoch);
        if (hit) this.hit.add(sampleId);
    }

    int samples() { return samples.size(); }

    int hit() { return hit.size(); }

    /** Samples neither hit nor scored in all {@code k} attempts: outside ASR@k's denominator. */
    int leftOut(int k) {
        int n = 0;
        for (String s : samples) {
            if (!hit.contains(s) && scoredEpochs.getOrDefault(s, Set.of()).size() < k) n++;
        }
        return n;
    }
}
