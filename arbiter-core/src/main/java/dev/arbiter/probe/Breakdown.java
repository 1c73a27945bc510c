package dev.arbiter.probe;

import dev.arbiter.eval.engine.MetricSummary;

/**
 * Attack attempts grouped by one property: the injection's position in its document (start, middle, end, marked,
 * user) or its encoding (none, base64, hex, rot13, tag_chars), across categories.
 */
public record Breakdown(String id, int attempts, int hits, int unscored, MetricSummary asr) {}
