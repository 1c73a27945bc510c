package dev.arbiter.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.catalog.CatalogLoader;
import dev.arbiter.eval.engine.MetricSummary;
import dev.arbiter.eval.engine.MetricUnit;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.profile.Profiler;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A metric is shown as what it is (proportion, count, score), never as what its number looks like. */
class ReportUnitsTest {
    static final String MT_A = "20260103-090000-aaaaaa";
    static final String MT_B = "20260103-091000-bbbbbb";
    static final String HE = "20260103-092000-cccccc";

    @TempDir Path dir;

    RunsReport report(List<String> ids) {
        Path file = dir.resolve("u.db");
        try (RunStore s = RunStore.open(file)) {
            // MT-Bench (1–10) with every rating 1, twice: a judge that rated everything at the bottom of its scale
            double[] ones = new double[10];
            Arrays.fill(ones, 1.0);
            Map<String, MetricSummary> mt = Map.of("score", new MetricSummary(1.0, 0.0, List.of(1.0, 1.0), null, 10));
            ReportFixture.run(s, MT_A, "mt_bench", "judge-floor-a", ReportFixture.T0, ones, mt);
            ReportFixture.run(s, MT_B, "mt_bench", "judge-floor-b", ReportFixture.T0.plusSeconds(600), ones, mt);
            // HumanEval: pass@1 (a fraction without a Wilson interval) and the counts of each outcome
            double[] half = new double[30];
            for (int i = 0; i < 15; i++) half[i] = 1.0;
            Map<String, MetricSummary> he = new LinkedHashMap<>();
            he.put("pass@1", new MetricSummary(0.5, 0.0928, List.of(0.318, 0.682), null, 30));
            he.put("passed", new MetricSummary(15.0, null, null, null, 30));
            he.put("failed", new MetricSummary(15.0, null, null, null, 30));
            he.put("timed_out", new MetricSummary(0.0, null, null, null, 30));
            ReportFixture.run(s, HE, "humaneval", "coder", ReportFixture.T0.plusSeconds(1200), half, he);
            return new RunsReportBuilder(s, new CatalogLoader().load(List.of(RunsReportGoldenTest.CATALOG)), Profiler.bundled(),
                    RunsReportGoldenTest.CLOCK, 200).build(ids, Map.of(), null);
        }
    }

    @Test
    void aScoreOfOneOnAOneToTenScaleIsNotShownAsOneHundredPercent() {
        RunsReport r = report(List.of(MT_A, MT_B));
        String md = RunsReportText.markdown(r);
        assertThat(md).contains("| judge-floor-a | 1.00 [1.00, 1.00] |", "| 1.00 [1.00, 1.00] |").doesNotContain("100.0%");
        JsonNode j = Json.mapper().valueToTree(r);
        assertThat(j.at("/tasks/0/rows/0/metrics/score/unit").asText()).isEqualTo("score");
        assertThat(j.at("/summary/rankings/0/ranked/0/unit").asText()).isEqualTo("score");
    }

    @Test
    void theDifferenceOfTwoScoresIsNotReadInPercentagePoints() {
        RunsReport r = report(List.of(MT_A, MT_B));
        var c = r.paired().get(0).comparison();
        assertThat(c.unit()).isEqualTo(MetricUnit.score);
        assertThat(String.join("\n", c.warnings())).contains("the difference +0.00 (95% CI +0.00 to +0.00").doesNotContain("points");
    }

    @Test
    void outcomeCountsAreWholeNumbersAndPassAtKIsAPercentage() {
        RunsReport r = report(List.of(HE));
        String md = RunsReportText.markdown(r);
        assertThat(md).contains("| pass@1 | passed | failed | timed_out |", "| 50.0% [31.8, 68.2] | 15 | 15 | 0 |")
                .doesNotContain("15.00").doesNotContain(" 0.0%");
        JsonNode metrics = Json.mapper().valueToTree(r).at("/tasks/0/rows/0/metrics");
        assertThat(metrics.path("pass@1").path("unit").asText()).isEqualTo("proportion");
        assertThat(metrics.path("passed").path("unit").asText()).isEqualTo("count");
        assertThat(metrics.path("timed_out").path("unit").asText()).isEqualTo("count");
    }
}
