package dev.arbiter.eval;

/** A sample's score for one epoch: the unit metrics reduce over. */
public record SampleScore(String sampleId, int epoch, Score score) {}
