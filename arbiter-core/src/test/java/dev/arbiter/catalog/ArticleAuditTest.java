package dev.arbiter.catalog;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleAuditTest {
    private static final Catalog CATALOG = new CatalogLoader().bundled();

    private static Catalog withExtraClaim(String id, ScoreClaim extra) {
        Model m = CATALOG.get(id);
        List<ScoreClaim> scores = new ArrayList<>(m.scores());
        scores.add(extra);
        Model changed = new Model(m.id(), m.name(), m.family(), m.vendor(), m.hfRepo(), m.variantOf(), m.releaseDate(),
                m.contextLength(), m.modalities(), m.languages(), m.tags(), m.serving(), m.licenseId(), m.license(),
                m.architecture(), m.officialParams(), scores, m.notes(), m.contextExtension());
        return new Catalog(List.of(changed), CATALOG.licenses());
    }

    @Test
    void everyArticleFigureInTheCatalogueMeetsAVendorFigureOrSaysWhereTheVendorWasSilent() {
        assertThat(ArticleAudit.unanswered(CATALOG)).isEmpty();
    }

    @Test
    void aNewArticleFigureWithNeitherAVendorFigureNorALookupFailsTheAudit() {
        Catalog c = withExtraClaim("codestral-22b",
                new ScoreClaim("mmmu", 50.0, null, null, null, ClaimKind.ARTICLE, "article:x", null));
        assertThat(ArticleAudit.unanswered(c)).singleElement().asString()
                .contains("codestral-22b").contains("mmmu").contains("vendor_lookup");
    }

    @Test
    void aLookupSayingWhereTheVendorWasSilentSatisfiesTheAudit() {
        Catalog c = withExtraClaim("codestral-22b", new ScoreClaim("mmmu", 50.0, null, null, null, ClaimKind.ARTICLE,
                "article:x", null, "https://mistral.ai/news/codestral: no MMMU"));
        assertThat(ArticleAudit.unanswered(c)).isEmpty();
    }

    @Test
    void aFigureBorrowedFromAPredecessorSatisfiesTheAudit() {
        // mistral-large-2 (2411) has no vendor figures of its own; 2407's answer its article claims.
        assertThat(CATALOG.get("mistral-large-2").scores()).noneMatch(s -> s.kind() == ClaimKind.VENDOR);
        assertThat(CATALOG.get("mistral-large-2").scores()).anyMatch(s -> s.kind() == ClaimKind.ARTICLE);
        assertThat(ArticleAudit.unanswered(new Catalog(List.of(CATALOG.get("mistral-large-2")), CATALOG.licenses()))).isNotEmpty();
        assertThat(ArticleAudit.unanswered(new Catalog(List.of(CATALOG.get("mistral-large-2"), CATALOG.get("mistral-large-2407")),
                CATALOG.licenses()))).isEmpty();
    }

    @Test
    void onlyArticleFiguresCarryAVendorLookup() {
        assertThatThrownBy(() -> new ScoreClaim("mmlu", 80.0, "base", 5, "accuracy", ClaimKind.VENDOR, "https://x", null, "silent"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vendor_lookup");
    }
}
