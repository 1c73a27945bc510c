package dev.arbiter.recommend;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.ClaimKind;
import dev.arbiter.catalog.Lineage;
import dev.arbiter.catalog.Model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One model, one row: two related entries (one a {@code variant_of} the other) that share every figure — a refresh
 * borrowing its predecessor's (Mistral Large 2411 and 2407) — and agree on everything the user can ask about
 * (licence, context, modalities, languages, size) are ranked once, as the newer release; the older is named on its
 * row.
 */
final class SameFigures {
    private SameFigures() {}

    /** Newer release id → older ids folded into it; every folded id appears once. */
    static Map<String, List<String>> fold(Catalog catalog, List<Model> candidates) {
        Map<String, Set<String>> figures = new HashMap<>();
        for (Model m : candidates) figures.put(m.id(), figures(catalog, m));
        Map<String, List<String>> out = new LinkedHashMap<>();
        Set<String> folded = new HashSet<>();
        List<Model> newestFirst = candidates.stream()
                .sorted(Comparator.comparing((Model m) -> m.releaseDate() == null ? LocalDate.MIN : m.releaseDate()).reversed()
                        .thenComparing(Model::id)).toList();
        for (Model keep : newestFirst) {
            if (folded.contains(keep.id())) continue;
            for (Model other : newestFirst) {
                if (other == keep || folded.contains(other.id()) || out.containsKey(other.id())) continue;
                if (related(keep, other) && same(keep, other) && !figures.get(keep.id()).isEmpty()
                        && figures.get(keep.id()).equals(figures.get(other.id()))) {
                    out.computeIfAbsent(keep.id(), k -> new ArrayList<>()).add(other.id());
                    folded.add(other.id());
                }
            }
        }
        return out;
    }

    private static boolean related(Model a, Model b) {
        return a.id().equals(b.variantOf()) || b.id().equals(a.variantOf())
                || (a.variantOf() != null && a.variantOf().equals(b.variantOf()));
    }

    private static boolean same(Model a, Model b) {
        return a.licenseId().equals(b.licenseId()) && a.contextLength() == b.contextLength()
                && a.modalities().equals(b.modalities()) && Set.copyOf(a.languages()).equals(Set.copyOf(b.languages()))
                && a.officialParams().total() == b.officialParams().total()
                && a.officialParams().active() == b.officialParams().active();
    }

    /** The figures a model is scored with (its own and borrowed), without where they were published. */
    private static Set<String> figures(Catalog catalog, Model m) {
        Set<String> out = new HashSet<>();
        Lineage.withInheritedScores(catalog, m).scores().stream().filter(s -> s.kind() != ClaimKind.ARTICLE)
                .forEach(s -> out.add(String.format(Locale.US, "%s|%s|%s|%s|%s", s.benchmark(), s.value(), s.variant(),
                        Objects.toString(s.shots()), s.metric())));
        return out;
    }
}
