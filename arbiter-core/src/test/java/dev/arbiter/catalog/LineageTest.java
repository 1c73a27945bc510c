package dev.arbiter.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineageTest {
    @Test
    void aRefreshWithoutVendorFiguresBorrowsItsPredecessorsMarkedAsSuch() {
        Catalog c = new CatalogLoader().bundled();
        Model m = Lineage.withInheritedScores(c, c.get("mistral-large-2"));
        assertThat(m.claims("mmlu")).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo(ClaimKind.VENDOR);
            assertThat(s.note()).startsWith("published for mistral-large-2407");
        });
    }

    @Test
    void aModelsOwnFigureIsNeverReplacedByARelatives() {
        Catalog c = new CatalogLoader().bundled();
        Model own = c.get("mistral-large-2407");
        Model m = Lineage.withInheritedScores(c, own);
        assertThat(m.scores().stream().filter(s -> s.kind() != ClaimKind.ARTICLE && s.benchmark().equals("mmlu")))
                .allSatisfy(s -> assertThat(s.note() == null || !s.note().startsWith("published for")).isTrue());
    }
}
