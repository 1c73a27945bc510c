package dev.arbiter.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * One catalogue entry. Built from a family file; {@code license} is resolved from {@code licenseId} by the loader.
 *
 * @param id             stable lower-case id used on the command line (e.g. {@code gemma-3-27b})
 * @param variantOf      id of the entry this one is a variant of (e.g. mistral-large-2407 of mistral-large-2), or null
 * @param contextLength  maximum context in tokens as the vendor states it
 * @param modalities     input modalities: text, image, video, audio
 * @param languages      ISO 639-1 codes the vendor names as supported
 * @param tags           use-case hints: chat, code, math, vision, reasoning, guard, guard-image, edge; math-only (the vendor advises against any other task: excluded from the general use cases)
 * @param contextExtension RoPE scaling the engine must be told to reach {@code contextLength} (Qwen2.5's YaRN), or
 *                       null when the checkpoint's config already covers it
 */
public record Model(String id, String name, String family, String vendor, String hfRepo, String variantOf,
                    LocalDate releaseDate, long contextLength, List<String> modalities, List<String> languages,
                    List<String> tags, Serving serving, String licenseId, License license,
                    Architecture architecture, OfficialParams officialParams, List<ScoreClaim> scores, String notes,
                    ContextExtension contextExtension) {
    public Model {
        Checks.required("id", id);
        Checks.required("name", name);
        Checks.required("license_id", licenseId);
        Checks.required("architecture", architecture);
        Checks.required("official_params", officialParams);
        Checks.positive("context_length", contextLength);
        if (!id.equals(id.toLowerCase(java.util.Locale.ROOT)) || id.contains(" ")) {
            throw new IllegalArgumentException("id must be lower-case without spaces, got '" + id + "'");
        }
        modalities = modalities == null ? List.of("text") : List.copyOf(modalities);
        languages = languages == null ? List.of() : List.copyOf(languages);
        tags = tags == null ? List.of() : List.copyOf(tags);
        scores = scores == null ? List.of() : List.copyOf(scores);
    }

    public Model withLicense(License resolved) {
        return new Model(id, name, family, vendor, hfRepo, variantOf, releaseDate, contextLength, modalities, languages,
                tags, serving, licenseId, resolved, architecture, officialParams, scores, notes, contextExtension);
    }

    public boolean hasModality(String m) { return modalities.contains(m); }

    /** Claims for one benchmark, vendor first. */
    public List<ScoreClaim> claims(String benchmark) {
        return scores.stream().filter(s -> s.benchmark().equals(benchmark))
                .sorted(java.util.Comparator.comparing(ScoreClaim::kind)).toList();
    }
}
