package dev.arbiter.recommend;

import dev.arbiter.catalog.LicenseUse;

/** A model that fits and qualifies but ranked past {@code --top}: not excluded, just further down. */
public record AlsoFit(int position, String model, String quant, double score, double scoreLow, double scoreHigh,
                      Double decodeTokensPerS, LicenseUse licenseUse) {}
