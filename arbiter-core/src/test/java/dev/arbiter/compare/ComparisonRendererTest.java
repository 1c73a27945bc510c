package dev.arbiter.compare;

import dev.arbiter.profile.AxisScore;
import dev.arbiter.profile.Dimension;
import dev.arbiter.profile.ModelProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Catalogue text and run ids are data: in HTML and Markdown they never become markup or a script link. */
class ComparisonRendererTest {
    static final String EVIL = "<img src=x onerror=alert(1)>\"'&";
    static final String SCRIPT_URL = "javascript:alert(1)";

    static Comparison hostile() {
        Cell cell = new Cell(71.0, EVIL, SCRIPT_URL, 80.0, SCRIPT_URL, EVIL, 69.0, EVIL);
        Cell linked = new Cell(72.0, "5-shot", "https://example.com/a\"onmouseover=alert(1)", null, null, null, null, null);
        Dimension d = new Dimension("knowledge", EVIL, Map.of("evil" + EVIL, 1.0));
        ModelProfile profile = new ModelProfile(EVIL, Map.of("knowledge", new AxisScore("knowledge", 0.5, List.of(), EVIL)));
        ComparisonRow row = new ComparisonRow(EVIL, EVIL, 7_000_000_000L, 7_000_000_000L, 32768, EVIL, false,
                SCRIPT_URL, SCRIPT_URL, Map.of("evil" + EVIL, cell, "mmlu", linked), profile);
        return new Comparison(List.of("evil" + EVIL, "mmlu"), List.of(row), List.of(d));
    }

    @Test
    void theHtmlPageEscapesEveryCatalogueStringAndLinksOnlyHttpUrls() {
        String html = ComparisonRenderer.html(hostile());

        assertThat(html).doesNotContain(EVIL).doesNotContain("<img").doesNotContain("href=\"javascript")
                .doesNotContain("\"onmouseover").contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;");
    }

    @Test
    void theMarkdownTableNeitherLinksAScriptUrlNorPassesRawHtml() {
        String md = ComparisonRenderer.markdown(hostile());

        assertThat(md).doesNotContain("](" + SCRIPT_URL).doesNotContain("<img");
    }
}
