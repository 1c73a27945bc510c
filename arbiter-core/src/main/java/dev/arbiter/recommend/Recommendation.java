package dev.arbiter.recommend;

import dev.arbiter.catalog.LicenseUse;

import java.util.List;
import java.util.Map;

/**
 * One ranked model.
 *
 * @param tied         its 90% interval overlaps the one ranked just above (shown as ≈)
 * @param rankLow      best rank it reaches in 90% of the Monte Carlo draws
 * @param rankHigh     worst rank it reaches in 90% of the draws
 * @param score        0–100: the use case's weighted mean of the axes (docs/recommend.md), whole points
 * @param scoreLow     lower end of its 90% interval
 * @param scoreHigh    upper end of its 90% interval
 * @param speedBasis   measured, estimated or unknown (no bandwidth given)
 * @param licenseUse   allowed, needs_agreement or research_only, for a company deploying to production
 * @param alsoCovers   older catalogue entries with the very same figures, ranked here rather than twice
 * @param why          the score as the sum of its parts
 * @param closeCall    what decided the order against the model above when the two are tied, or null
 * @param serve        a command that serves this choice
 * @param cost         cost per 1M output tokens and per month on this hardware (estimated, or measured by a bench run), or
 *                     null when the hardware has no price
 */
public record Recommendation(int rank, boolean tied, int rankLow, int rankHigh, String model, String name, String quant,
                             double score, double scoreLow, double scoreHigh, Map<String, AxisView> axes,
                             long totalBytes, long availableBytes, Double decodeTokensPerS, String speedBasis,
                             String license, LicenseUse licenseUse, List<String> alsoCovers, String why,
                             String closeCall, List<String> reasons, String serve, CostFigure cost) {
    public Recommendation(int rank, boolean tied, int rankLow, int rankHigh, String model, String name, String quant,
                          double score, double scoreLow, double scoreHigh, Map<String, AxisView> axes,
                          long totalBytes, long availableBytes, Double decodeTokensPerS, String speedBasis,
                          String license, LicenseUse licenseUse, List<String> alsoCovers, String why,
                          String closeCall, List<String> reasons, String serve) {
        this(rank, tied, rankLow, rankHigh, model, name, quant, score, scoreLow, scoreHigh, axes, totalBytes, availableBytes,
                decodeTokensPerS, speedBasis, license, licenseUse, alsoCovers, why, closeCall, reasons, serve, null);
    }
}
