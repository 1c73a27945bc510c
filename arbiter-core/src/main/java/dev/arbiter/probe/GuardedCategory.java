package dev.arbiter.probe;

import dev.arbiter.eval.engine.MetricSummary;

/** One category's attack success rate for the model alone and for model + guard, on the same attempts. */
public record GuardedCategory(String id, MetricSummary asrModel, MetricSummary asrWithGuard) {}
