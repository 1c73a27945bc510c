package dev.arbiter.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scores shared along {@code variant_of} links. Vendors often publish figures for one release of a model and not
 * for its refresh (Mistral Large 2407 vs 2411): a benchmark a model has no vendor figure for is taken from its
 * closest relative, with the note "published for ID" so nobody mistakes it for the model's own figure.
 */
public final class Lineage {
    private Lineage() {}

    /** The entry {@code m} is a variant of, then the entries that are variants of {@code m}, closest first. */
    public static List<Model> relatives(Catalog catalog, Model m) {
        List<Model> relatives = new ArrayList<>();
        if (m.variantOf() != null) catalog.find(m.variantOf()).ifPresent(relatives::add);
        for (Model other : catalog.models()) {
            if (m.id().equals(other.variantOf())) relatives.add(other);
        }
        return relatives;
    }

    public static Model withInheritedScores(Catalog catalog, Model m) {
        List<Model> relatives = relatives(catalog, m);
        if (relatives.isEmpty()) return m;
        Set<String> own = new HashSet<>();
        for (ScoreClaim s : m.scores()) if (s.kind() != ClaimKind.ARTICLE) own.add(s.benchmark());
        List<ScoreClaim> scores = new ArrayList<>(m.scores());
        Set<String> inherited = new HashSet<>();
        for (Model r : relatives) {
            for (ScoreClaim s : r.scores()) {
                if (s.kind() == ClaimKind.ARTICLE || own.contains(s.benchmark())) continue;
                String note = "published for " + r.id() + (s.note() == null ? "" : "; " + s.note());
                scores.add(new ScoreClaim(s.benchmark(), s.value(), s.variant(), s.shots(), s.metric(), s.kind(), s.source(), note));
                inherited.add(s.benchmark());
            }
            own.addAll(inherited);
        }
        return new Model(m.id(), m.name(), m.family(), m.vendor(), m.hfRepo(), m.variantOf(), m.releaseDate(),
                m.contextLength(), m.modalities(), m.languages(), m.tags(), m.serving(), m.licenseId(), m.license(),
                m.architecture(), m.officialParams(), scores, m.notes(), m.contextExtension());
    }
}
