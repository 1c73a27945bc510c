package dev.arbiter.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.catalog.Model;
import dev.arbiter.profile.Profiler;
import dev.arbiter.report.Html;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every figure of the comparison carries its own source in every format: a vendor's figure the vendor's page, the
 * article's claim the article's, a measured figure its run. Gemma 3 27B's MT-Bench 8.3 is the article's alone (Google
 * publishes no MT-Bench), and its MMLU 78.7 is the article's beside Google's 78.6.
 */
class FigureSourcesTest {
    static final String ARTICLE = "article:comparatif-llm-open-source-2026";
    static final String GEMMA_CARD = "https://ai.google.dev/gemma/docs/core/model_card_3";

    @Test
    void aFigureWithoutItsSourceIsRefusedWhereTheCellIsBuilt() {
        assertThatThrownBy(() -> new Cell(null, null, null, 8.3, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Cell.articleSource is required");
        assertThatThrownBy(() -> new Cell(78.6, "base", null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Cell.source is required");
        assertThatThrownBy(() -> new Cell(null, null, null, null, null, null, 71.0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Cell.measuredRun is required");
    }

    @Test
    void anArticleOnlyFigureCarriesTheArticleAndTheVendorLookupInEveryFormat() {
        Comparison c = Comparison.of(ComparisonTest.CATALOG, List.of("qwen2.5-7b", "gemma-3-27b"), Profiler.bundled(), Map.of());
        Cell mt = c.rows().get(1).scores().get("mt_bench");
        assertThat(mt.value()).isNull();
        assertThat(mt.articleSource()).isEqualTo(ARTICLE);
        assertThat(mt.vendorLookup()).contains("https://arxiv.org/abs/2503.19786");

        assertThat(ComparisonRenderer.text(c)).contains("  gemma-3-27b MT-Bench, article 8.3: " + ARTICLE
                + " (128K context as stated by the article); the vendor publishes none (looked up: https://arxiv.org/abs/2503.19786");
        String md = ComparisonRenderer.markdown(c);
        assertThat(md).contains("| [78.6](" + GEMMA_CARD + ") \\[78.7\\] |", "| - \\[8.3\\] |")
                .contains("- gemma-3-27b MMLU, article 78.7: " + ARTICLE);
        JsonNode j = Json.mapper().valueToTree(c).at("/rows/1/scores/mt_bench");
        assertThat(j.path("article_source").asText()).isEqualTo(ARTICLE);
        assertThat(j.path("article_setting").asText()).isEqualTo("128K context as stated by the article");
        assertThat(j.path("vendor_lookup").asText()).contains("no MT-Bench");
        Map<String, String> gemma = csvRows(ComparisonRenderer.csv(c)).get(1);
        assertThat(gemma).containsEntry("mt_bench_article", "8.30").containsEntry("mt_bench_article_source", ARTICLE)
                .containsEntry("mmlu_source", GEMMA_CARD).containsEntry("mmlu_article_source", ARTICLE);
        assertThat(gemma.get("mt_bench_vendor_lookup")).contains("no MT-Bench");
        assertThat(ComparisonRenderer.html(c)).contains("article: 8.3</span> <span class=\"set\">(" + ARTICLE + ")</span>");
    }

    @Test
    void everyFigureOfTheWholeCatalogueCarriesItsOwnSourceInEveryFormat() {
        List<String> ids = ComparisonTest.CATALOG.models().stream().map(Model::id).toList();
        // a run measured for two models, so the user's own figures are held to the rule too
        Map<String, Map<String, Comparison.Measured>> measured = Map.of(
                "qwen2.5-7b", Map.of("mmlu", new Comparison.Measured(71.0, "run-qwen")),
                "gemma-3-27b", Map.of("mt_bench", new Comparison.Measured(8.1, "run-gemma")));
        Comparison c = Comparison.of(ComparisonTest.CATALOG, ids, Profiler.bundled(), measured);
        String text = ComparisonRenderer.text(c), md = ComparisonRenderer.markdown(c), html = ComparisonRenderer.html(c);
        List<Map<String, String>> csv = csvRows(ComparisonRenderer.csv(c));
        JsonNode json = Json.mapper().valueToTree(c);
        String sources = text.substring(text.indexOf("\nSources:\n"), text.indexOf("\nAxes"));
        int figures = 0, articles = 0, linked = 0;
        for (int i = 0; i < c.rows().size(); i++) {
            ComparisonRow r = c.rows().get(i);
            for (String bm : c.benchmarks()) {
                Cell cell = r.scores().get(bm);
                String at = r.model() + " " + bm;
                String figure = "  " + r.model() + " " + ComparisonRenderer.label(bm) + ", ";
                JsonNode j = json.at("/rows/" + i + "/scores/" + bm);
                Map<String, String> row = csv.get(i);
                if (cell.value() != null) {
                    figures++;
                    if (cell.source().startsWith("https://") || cell.source().startsWith("http://")) linked++;
                    assertThat(sources).as(at).contains(figure + "published " + ComparisonRenderer.fmt(cell.value()) + ": " + cell.source());
                    assertThat(j.path("source").asText()).as(at).isEqualTo(cell.source());
                    assertThat(row.get(bm + "_source")).as(at).isEqualTo(cell.source());
                }
                if (cell.articleValue() != null) {
                    figures++;
                    articles++;
                    assertThat(sources).as(at).contains(figure + "article " + ComparisonRenderer.fmt(cell.articleValue()) + ": " + cell.articleSource());
                    if (cell.vendorLookup() != null) assertThat(sources).as(at).contains(cell.vendorLookup());
                    assertThat(j.path("article_source").asText()).as(at).isEqualTo(cell.articleSource());
                    assertThat(row.get(bm + "_article_source")).as(at).isEqualTo(cell.articleSource());
                    assertThat(nullable(row.get(bm + "_vendor_lookup"))).as(at).isEqualTo(cell.vendorLookup());
                    if (cell.articleNote(ComparisonRenderer::fmt) != null) {
                        assertThat(ComparisonRenderer.htmlCell(cell)).as(at).contains(Html.escape(cell.articleSource()));
                    }
                }
                if (cell.measured() != null) {
                    figures++;
                    assertThat(sources).as(at).contains(figure + "measured " + ComparisonRenderer.fmt(cell.measured()) + ": run " + cell.measuredRun());
                    assertThat(j.path("measured_run").asText()).as(at).isEqualTo(cell.measuredRun());
                    assertThat(row.get(bm + "_measured_run")).as(at).isEqualTo(cell.measuredRun());
                }
                assertThat(html).as(at).contains(ComparisonRenderer.htmlCell(cell));
            }
        }
        assertThat(articles).isGreaterThan(20);
        // Markdown lists the same sources, and links only a published figure to its page: never the article's claim
        List<String> lines = sources.lines().filter(l -> l.startsWith("  ")).toList();
        assertThat(lines).hasSize(figures);
        for (String line : lines) assertThat(md).contains("- " + ComparisonRenderer.md(line.strip()) + "\n");
        Matcher link = Pattern.compile("\\[([^\\[\\]]*)\\]\\(").matcher(md);
        int links = 0;
        while (link.find()) {
            links++;
            assertThat(link.group(1)).as("a link's text in the Markdown table").matches("\\d+\\.\\d");
        }
        assertThat(links).isEqualTo(linked).isGreaterThan(50);
    }

    private static String nullable(String s) { return s == null || s.isEmpty() ? null : s; }

    /** RFC 4180 rows keyed by the header (quoted fields may hold commas, quotes and line breaks). */
    static List<Map<String, String>> csvRows(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') { f.append('"'); i++; }
                else if (ch == '"') quoted = false;
                else f.append(ch);
            } else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.add(f.toString()); f.setLength(0); }
            else if (ch == '\r') continue;
            else if (ch == '\n') { fields.add(f.toString()); f.setLength(0); records.add(fields); fields = new ArrayList<>(); }
            else f.append(ch);
        }
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> rec : records.subList(1, records.size())) {
            assertThat(rec).hasSameSizeAs(header);
            Map<String, String> row = new HashMap<>();
            for (int k = 0; k < header.size(); k++) row.put(header.get(k), rec.get(k));
            rows.add(row);
        }
        return rows;
    }
}
