package dev.arbiter.eval.task.ifeval;

import dev.arbiter.eval.Metric;
import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.SampleScore;

import java.util.List;

/**
 * IFEval's instruction-level accuracy: instructions followed over instructions given, pooled across prompts (not the
 * mean of per-prompt fractions), as lm-eval's {@code agg_inst_level_acc} computes it. Its standard error treats the
 * prompt as the unit (ratio estimator: SE = √(Σ(fᵢ − r·nᵢ)² / (N(N−1))) ÷ mean nᵢ), since a prompt's instructions
 * are not independent; the interval is r ± 1.96·SE clipped to [0, 1].
 */
public record InstructionLevelMetric(String name, String followedKey) implements Metric {
    @Override
    public MetricValue compute(List<SampleScore> scores) {
        double followed = 0, given = 0;
        int prompts = 0;
        double[] f = new double[scores.size()], n = new double[scores.size()];
        for (SampleScore s : scores) {
            if (!s.score().scored()) continue;
            Object fo = s.score().metadata().get(followedKey), no = s.score().metadata().get("instructions");
            if (!(fo instanceof Number fv) || !(no instanceof Number nv)) continue;
            f[prompts] = fv.doubleValue();
            n[prompts] = nv.doubleValue();
            followed += f[prompts];
            given += n[prompts];
            prompts++;
        }
        if (given == 0) return new MetricValue(name, Double.NaN, null, null, null, 0);
        double r = followed / given;
        if (prompts < 2) return new MetricValue(name, r, null, null, null, prompts);
        double ss = 0;
        for (int i = 0; i < prompts; i++) ss += Math.pow(f[i] - r * n[i], 2);
        double se = Math.sqrt(ss / ((double) prompts * (prompts - 1))) / (given / prompts);
        return new MetricValue(name, r, se, Math.max(0, r - 1.96 * se), Math.min(1, r + 1.96 * se), prompts);
    }
}
