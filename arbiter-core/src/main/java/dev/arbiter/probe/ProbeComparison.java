package dev.arbiter.probe;

import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.engine.MetricUnit;
import dev.arbiter.eval.engine.SampleRecord;
import dev.arbiter.eval.stats.PairedComparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Paired comparison of two probe runs (two models, same packs and seed, so the same samples and secrets), per
 * category. Significance is per category at α = 0.05 without correction for the eight categories: read one
 * significant category among many as a lead, not a finding.
 */
public final class ProbeComparison {
    private ProbeComparison() {}

    public static List<CategoryComparison> compare(List<SampleRecord> a, List<SampleRecord> b, Random random) {
        List<CategoryComparison> out = new ArrayList<>();
        for (ProbeCategory c : ProbeCategory.values()) {
            String kind = c == ProbeCategory.over_refusal ? ProbeExpander.KIND_TWIN : ProbeExpander.KIND_ATTACK;
            Map<String, Double> sa = PairedComparison.perSample(scores(a, c, kind));
            Map<String, Double> sb = PairedComparison.perSample(scores(b, c, kind));
            if (sa.isEmpty() && sb.isEmpty()) continue;
            boolean shared = sa.keySet().stream().anyMatch(sb::containsKey);
            out.add(new CategoryComparison(c.id(), shared ? PairedComparison.compare(sa, sb, MetricUnit.proportion, random) : null));
        }
        return out;
    }

    private static List<SampleScore> scores(List<SampleRecord> records, ProbeCategory c, String kind) {
        List<SampleScore> out = new ArrayList<>();
        for (SampleRecord r : records) {
            if (!SampleRecord.SCORED.equals(r.status())) continue;
            if (!c.id().equals(r.sampleMetadata().get("category")) || !kind.equals(r.sampleMetadata().get("kind"))) continue;
            out.add(new SampleScore(r.sampleId(), r.epoch(), new Score(r.score(), r.answer(), r.explanation(), null)));
        }
        return out;
    }
}
