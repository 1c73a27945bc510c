package dev.arbiter.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.catalog.CatalogLoader;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.profile.Profiler;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunsReportTest {
    @TempDir Path dir;

    RunsReport report() {
        return RunsReportGoldenTest.build(dir);
    }

    @Test
    void modelsAreRankedByMeasuredScoreAndThePairedTestSeparatesThem() {
        RunsReport r = report();
        var ranking = r.summary().rankings().get(0);
        assertThat(ranking.task()).isEqualTo("mmlu");
        assertThat(ranking.ranked()).extracting(DecisionSummary.Ranked::runId).containsExactly(ReportFixture.QWEN, ReportFixture.HOUSE);
        assertThat(ranking.ranked().get(1).tied()).isFalse();  // 6 discordant pairs, all one way: McNemar p = 0.031
        assertThat(r.paired()).hasSize(1);
        assertThat(r.paired().get(0).comparison().aOnlyPassed()).isEqualTo(6);
        assertThat(r.paired().get(0).comparison().significant()).isTrue();
    }

    @Test
    void aMeasuredFigureIsPutBesideThePublishedOneWithItsVerdict() {
        RunsReport r = report();
        assertThat(r.comparison()).hasSize(1);
        MeasuredClaim c = r.comparison().get(0);
        assertThat(c.catalogModel()).isEqualTo("qwen2.5-7b");
        assertThat(c.published()).isEqualTo(74.2);
        assertThat(c.source()).startsWith("https://");
        assertThat(c.measured()).isCloseTo(100 * 11 / 12.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.ciLow()).isLessThan(74.2);  // Wilson [64.6, 98.5] at n = 12: the published figure is inside
        assertThat(c.verdict()).isEqualTo(MeasuredClaim.CONFIRMED);
        assertThat(r.summary().findings()).singleElement().asString().contains("qwen2.5-7b", "MMLU", "confirmed");
        assertThat(r.summary().licences()).extracting(DecisionSummary.LicenceNote::model).containsExactly("qwen2.5-7b");
        assertThat(r.radar()).isNotNull();
    }

    @Test
    void ci95IsTheNormalIntervalEverywhereAndTheWilsonIntervalIsNamedWhereverItIsShown() {
        RunsReport r = report();
        JsonNode j = Json.mapper().valueToTree(r);
        JsonNode ranked = j.at("/summary/rankings/0/ranked/0"), recorded = j.at("/tasks/0/rows/0/metrics/accuracy");
        assertThat(ranked.path("run_id").asText()).isEqualTo(j.at("/tasks/0/rows/0/run_id").asText());
        assertThat(ranked.path("ci95")).isEqualTo(recorded.path("ci95"));          // [0.7533, 1.0800]: value ± 1.96·SE, unclipped
        assertThat(ranked.path("wilson95")).isEqualTo(recorded.path("wilson95"));  // [0.6461, 0.9851]
        MeasuredClaim c = r.comparison().get(0);
        assertThat(c.interval()).isEqualTo(MeasuredClaim.WILSON);
        assertThat(r.summary().findings().get(0)).contains("(Wilson 95% interval 64.6–98.5, n = 12");
        String md = RunsReportText.markdown(r);
        assertThat(md).contains(RunsReportText.INTERVALS, "| 91.7% [Wilson 64.6, 98.5] | " + ReportFixture.QWEN + " |",
                "| 91.7 [Wilson 64.6, 98.5] |", "| 100.0% [Wilson 51.0, 100.0] |");
    }

    @Test
    void aRunThatDidNotCompleteNeitherConfirmsNorContradictsAPublishedFigure() {
        Path file = dir.resolve("k.db");
        try (RunStore s = RunStore.open(file)) {
            // killed after 4 of 12 questions, 3 right: 75.0 [Wilson 30.1, 95.4], an interval the published 74.2 lies in
            ReportFixture.killed(s, "partial", "Qwen/Qwen2.5-7B-Instruct", ReportFixture.T0, 12, 4, i -> i != 2);
            RunsReport r = new RunsReportBuilder(s, new CatalogLoader().load(List.of(RunsReportGoldenTest.CATALOG)), Profiler.bundled(),
                    RunsReportGoldenTest.CLOCK, 200).build(List.of("partial"), Map.of(), null);
            MeasuredClaim c = r.comparison().get(0);
            assertThat(c.measured()).isEqualTo(75.0);
            assertThat(c.ciLow()).isLessThan(74.2);
            assertThat(c.verdict()).isEqualTo(MeasuredClaim.INCOMPLETE);
            assertThat(c.difference()).isNull();
            // killed with -9: stored as running, but nobody holds it
            assertThat(List.of(c.status(), c.answered(), c.planned())).containsExactly("stale", 4, 12);
            assertThat(r.runs().get(0).status()).isEqualTo("stale");
            assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("no process is writing it", "--resume partial"));
            assertThat(r.summary().findings()).singleElement().asString()
                    .contains("measured 75.0 on MMLU", "n = 4", "the run is incomplete (stale, 4 of 12 answers)", "not comparable")
                    .doesNotContain("confirmed").doesNotContain("contradicted");
            assertThat(RunsReportText.markdown(r)).contains("| incomplete run |").doesNotContain("— confirmed");
        }
    }

    @Test
    void theVerdictSaysWhichSideOfTheIntervalThePublishedFigureLies() {
        assertThat(MeasuredClaim.verdict(80.0, 60.0, 70.0)).isEqualTo(MeasuredClaim.BELOW);
        assertThat(MeasuredClaim.verdict(50.0, 60.0, 70.0)).isEqualTo(MeasuredClaim.ABOVE);
        assertThat(MeasuredClaim.verdict(65.0, 60.0, 70.0)).isEqualTo(MeasuredClaim.CONFIRMED);
        assertThat(MeasuredClaim.verdict(65.0, null, null)).isEqualTo(MeasuredClaim.TOO_FEW);
        assertThat(MeasuredClaim.verdict(null, 60.0, 70.0)).isEqualTo(MeasuredClaim.NO_FIGURE);
    }

    @Test
    void breakdownsProbesBenchAndSamplesAreAllThere() {
        RunsReport r = report();
        TaskTable mmlu = r.tasks().stream().filter(t -> t.task().equals("mmlu")).findFirst().orElseThrow();
        assertThat(mmlu.breakdowns()).extracting(TaskTable.Group::key).containsExactly("anatomy", "astronomy", "virology");
        assertThat(mmlu.breakdowns().get(0).byRun()).containsOnlyKeys(ReportFixture.QWEN, ReportFixture.HOUSE);
        assertThat(r.probes()).singleElement().satisfies(p -> {
            assertThat(p.category("goal_hijack").hits()).isEqualTo(1);
            assertThat(p.owasp()).extracting(o -> o.id()).containsExactly("LLM01:2025");
        });
        assertThat(r.bench()).singleElement().satisfies(b -> assertThat(b.path("levels")).hasSize(2));
        assertThat(r.runs()).filteredOn(x -> x.runId().equals(ReportFixture.BENCH)).singleElement()
                .satisfies(b -> assertThat(b.catalogModel()).isEqualTo("qwen2.5-7b"));
        SampleTable answers = r.samples().stream().filter(t -> t.task().equals("mmlu")).findFirst().orElseThrow();
        assertThat(answers.rows()).extracting(SampleTable.Row::sampleId).startsWith("q1", "q2").endsWith("q10", "q11", "q12");
        assertThat(answers.rows().get(7).answers()).containsOnlyKeys(ReportFixture.QWEN, ReportFixture.HOUSE);
    }

    @Test
    void aRunCanBeReadAsTheCatalogueModelTheUserNames() {
        Path file = dir.resolve("m.db");
        ReportFixture.write(file);
        try (RunStore s = RunStore.open(file)) {
            var builder = new RunsReportBuilder(s, new CatalogLoader().bundled(), Profiler.bundled(), RunsReportGoldenTest.CLOCK, 200);
            RunsReport r = builder.build(List.of(ReportFixture.QWEN, ReportFixture.HOUSE), Map.of(ReportFixture.HOUSE, "gemma-3-12b"), null);
            assertThat(r.comparison()).extracting(MeasuredClaim::catalogModel).containsExactly("qwen2.5-7b", "gemma-3-12b");
            assertThatThrownBy(() -> builder.build(List.of(ReportFixture.QWEN), Map.of(ReportFixture.HOUSE, "gemma-3-12b"), null))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("not in the report");
            assertThatThrownBy(() -> builder.build(List.of("no-such-run"), Map.of(), null))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("no run no-such-run");
        }
    }

    @Test
    void theHtmlPageEscapesModelTextAndLoadsNothing() {
        RunsReport r = report();
        String html = RunsReportHtml.html(r);
        assertThat(html).doesNotContain("<img src=x").doesNotContain("<script>window.__pwned")
                .doesNotContain("src=\"http").doesNotContain("<link").doesNotContain("@import");
        assertThat(html).contains("\\u003cimg src=x onerror=");  // the hostile answer is in the data, as escaped JSON text
        assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'").doesNotContain("'unsafe-inline'; img-src data:; script-src 'unsafe");
        String policy = html.substring(html.indexOf("script-src"), html.indexOf('"', html.indexOf("script-src")));
        assertThat(policy.split("'sha256-")).hasSize(4);  // chart.js, report.js and the call that draws: nothing else runs
    }

    @Test
    void markdownAndCsvCarryTheSameFigures() {
        RunsReport r = report();
        String md = RunsReportText.markdown(r);
        assertThat(md).contains("## Published vs measured", "| qwen2.5-7b | mmlu | 74.2 |", "confirmed", "## Task mmlu", "subject/anatomy",
                "## Probes", "LLM01:2025", "## Bench", "concurrency 8").doesNotContain("<img");
        String csv = RunsReportText.csv(r);
        assertThat(csv.split("\r\n")[0]).isEqualTo("run_id,kind,task,model,catalog_model,metric,value,stderr,ci_low,ci_high,n,published,published_source,verdict,interval");
        assertThat(csv).contains(ReportFixture.QWEN + ",eval,mmlu,Qwen/Qwen2.5-7B-Instruct,qwen2.5-7b,accuracy,0.916667,")
                .contains(",74.2000,https://arxiv.org/abs/2412.15115,confirmed,wilson95\r\n");
        assertThat(RunsReportText.csvField("=HYPERLINK(\"x\")")).startsWith("\"'=");
    }
}
