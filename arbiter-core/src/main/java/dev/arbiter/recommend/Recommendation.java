package dev.arbiter.recommend;

import java.util.List;
import java.util.Map;

/**
 * One ranked model.
 *
 * @param score  0–100: the use case's weighted mean of the axes (see {@link Recommender})
 * @param axes   axis → 0–100 value used for the rank (after imputation and quantisation retention)
 * @param why    one line for people
 */
public record Recommendation(int rank, String model, String name, String quant, double score, Map<String, Double> axes,
                             long totalBytes, long availableBytes, Double decodeTokensPerS, String license,
                             List<String> reasons, String why) {}
