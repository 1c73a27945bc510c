package dev.arbiter.eval.task.ifeval;

import dev.arbiter.eval.Metric;
import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.metrics.Stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IFEval's instruction-level accuracy: instructions followed over instructions given, pooled across prompts (not the
 * mean of per-prompt fractions), as lm-eval's {@code agg_inst_level_acc} computes it. Its standard error treats the
 * prompt as the unit (ratio estimator: SE = √(Σ(fᵢ − r·nᵢ)² / (N(N−1))) ÷ mean nᵢ), since a prompt's instructions
 * are not independent; a prompt's epochs are one cluster too (their counts summed); the interval is r ± 1.96·SE clipped
 * to [0, 1].
 */
public record InstructionLevelMetric(String name, String followedKey) implements Metric {
    @Override
    public MetricValue compute(List<SampleScore> scores) {
        // Per prompt (sample id): instructions followed and given, summed over its scored epochs, so that K answers
        // to one prompt are one cluster of the ratio estimator, never K prompts (as Stats clusters epochs).
        Map<String, double[]> byPrompt = new LinkedHashMap<>();  // id → {followed, given}
        for (SampleScore s : scores) {
            if (!s.score().scored()) continue;
            Object fo = s.score().metadata().get(followedKey), no = s.score().metadata().get("instructions");
            if (!(fo instanceof Number fv) || !(no instanceof Number nv)) continue;
            double[] acc = byPrompt.computeIfAbsent(s.sampleId(), k -> new double[2]);
            acc[0] += fv.doubleValue();
            acc[1] += nv.doubleValue();
        }
        double followed = 0, given = 0;
        for (double[] acc : byPrompt.values()) {
            followed += acc[0];
            given += acc[1];
        }
        int prompts = byPrompt.size();
        if (given == 0) return new MetricValue(name, Double.NaN, null, null, null, 0);
        double r = followed / given;
        if (prompts < 2) return new MetricValue(name, r, null, null, null, prompts);
        double ss = 0;
        for (double[] acc : byPrompt.values()) ss += Math.pow(acc[0] - r * acc[1], 2);
        double se = Math.sqrt(ss / ((double) prompts * (prompts - 1))) / (given / prompts);
        return new MetricValue(name, r, se, Math.max(0, r - Stats.Z95 * se), Math.min(1, r + Stats.Z95 * se), prompts);
    }
}
