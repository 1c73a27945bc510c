package dev.arbiter.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Every figure the 2026 article states must meet its vendor figure: each {@code article} claim has a vendor claim
 * for the same benchmark — the model's own, or borrowed from its closest relative ({@link Lineage}) — or a
 * {@code vendor_lookup} saying where the vendor's figures were looked up and found silent.
 */
public final class ArticleAudit {
    private ArticleAudit() {}

    /** One sentence per article claim that has neither, naming the model and benchmark; empty when all pass. */
    public static List<String> unanswered(Catalog catalog) {
        List<String> out = new ArrayList<>();
        for (Model m : catalog.models()) {
            List<Model> family = new ArrayList<>(List.of(m));
            family.addAll(Lineage.relatives(catalog, m));
            for (ScoreClaim a : m.scores()) {
                if (a.kind() != ClaimKind.ARTICLE || a.vendorLookup() != null) continue;
                boolean vendor = family.stream().flatMap(f -> f.scores().stream())
                        .anyMatch(s -> s.kind() == ClaimKind.VENDOR && s.benchmark().equals(a.benchmark()));
                if (!vendor) {
                    out.add(m.id() + ": article " + a.benchmark() + " " + a.value()
                            + " has no vendor figure (own or borrowed) and no vendor_lookup saying where the vendor was found silent");
                }
            }
        }
        return out;
    }
}
