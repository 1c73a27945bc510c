package dev.arbiter.compare;

import dev.arbiter.profile.ModelProfile;

import java.util.Map;

/** One model's line in the comparison: facts, figures per benchmark, and its radar profile. */
public record ComparisonRow(String model, String name, long totalParams, long activeParams, long contextLength,
                            String license, boolean commercialUse, String licenseUrl, String paramsSource,
                            Map<String, Cell> scores, ModelProfile profile) {}
