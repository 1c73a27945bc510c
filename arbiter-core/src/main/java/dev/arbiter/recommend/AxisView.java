package dev.arbiter.recommend;

import dev.arbiter.score.Evidence;
import dev.arbiter.score.EvidenceKind;

import java.util.List;

/**
 * One axis of a recommendation as it entered the score.
 *
 * @param score    0–100 (quality: catalogue percentile after the quantisation's retention; efficiency: from tok/s)
 * @param low      lower end of the 90% interval
 * @param high     upper end of the 90% interval
 * @param weight   share of the score, 0..1 (the use case's weights over the axes that count)
 * @param coverage share of the axis's benchmark weight backed by a measured or published figure, 0..1
 * @param basis    measured, published, estimated or none
 */
public record AxisView(double score, double low, double high, double weight, double coverage, EvidenceKind basis,
                       List<Evidence> evidence, String note) {}
