package dev.arbiter.recommend;

import java.util.List;
import java.util.Map;

/**
 * A use case from {@code scoring/usecases.yaml}: axis weights and hard requirements.
 *
 * @param defaultContext   tokens a deployment must hold when the user gives no --min-context
 * @param minContextLength the model's own context length must reach this (RAG over long documents), or 0
 * @param requireTags      the model must carry every one of these tags
 * @param requireAnyTags   the model must carry at least one of these tags (when not empty)
 */
public record UseCase(String id, String description, Map<String, Double> weights, long defaultContext,
                      long minContextLength, List<String> requireLanguages, List<String> requireModalities,
                      List<String> requireTags, List<String> requireAnyTags, List<String> excludeTags) {
    public UseCase {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("use case id is required");
        if (weights == null || weights.isEmpty()) throw new IllegalArgumentException("use case " + id + ": weights are required");
        // File order, not Map.copyOf's per-JVM order: reasons and axes are listed in it.
        weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
        if (defaultContext <= 0) defaultContext = 8192;
        requireLanguages = requireLanguages == null ? List.of() : List.copyOf(requireLanguages);
        requireModalities = requireModalities == null ? List.of() : List.copyOf(requireModalities);
        requireTags = requireTags == null ? List.of() : List.copyOf(requireTags);
        requireAnyTags = requireAnyTags == null ? List.of() : List.copyOf(requireAnyTags);
        excludeTags = excludeTags == null ? List.of() : List.copyOf(excludeTags);
    }

    /**
     * Whether requests in this use case carry images, so llama.cpp loads the model's vision projector (mmproj) too:
     * the one answer recommend's fit check and {@code fit --images} both follow.
     */
    public boolean sendsImages() { return requireModalities.contains("image"); }
}
