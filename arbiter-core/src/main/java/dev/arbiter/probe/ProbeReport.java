package dev.arbiter.probe;

import java.util.List;
import java.util.Map;

/**
 * What {@code ./arbiter probe} reports for one run: per category and per OWASP id, every hit with its evidence,
 * and why attempts went unscored. Built from the stored answers, so a resumed or re-read run reports the same.
 *
 * @param attemptsPerProbe        {@code --attempts}: answers per sample (epochs)
 * @param missing                 planned attempts never made (run interrupted or failed)
 * @param atlas                   attacks by MITRE ATLAS technique (a probe with two techniques counts in both)
 * @param positions               attacks by where the injection sat (start, middle, end of a document; marked; user)
 * @param encodings               attacks by how the injection was disguised (none, base64, hex, rot13, tag_chars)
 * @param unscoredReasons         error kinds, empty, truncated → count
 * @param guard                   the guard's measurements, or null when no guard was used
 */
public record ProbeReport(String runId, String status, String model, String endpoint, int attemptsPerProbe,
                          int samples, int missing, List<CategoryResult> categories, List<OwaspResult> owasp,
                          List<Breakdown> atlas, List<Breakdown> positions, List<Breakdown> encodings, List<HitEvidence> hits, Map<String, Integer> unscoredReasons, GuardReport guard) {
    public ProbeReport {
        categories = List.copyOf(categories);
        owasp = List.copyOf(owasp);
        atlas = List.copyOf(atlas);
        positions = List.copyOf(positions);
        encodings = List.copyOf(encodings);
        hits = List.copyOf(hits);
        unscoredReasons = Map.copyOf(unscoredReasons);
    }

    public CategoryResult category(String id) {
        return categories.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    public ProbeReport withGuard(GuardReport g) {
        return new ProbeReport(runId, status, model, endpoint, attemptsPerProbe, samples, missing, categories, owasp, atlas, positions,
                encodings, hits, unscoredReasons, g);
    }
}
