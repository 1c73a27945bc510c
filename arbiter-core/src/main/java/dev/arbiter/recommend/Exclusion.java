package dev.arbiter.recommend;

/** A model left out by a hard constraint, with the reason ({@code constraint}: use_case, modality, language, context, license, region, fit). */
public record Exclusion(String model, String constraint, String reason) {}
