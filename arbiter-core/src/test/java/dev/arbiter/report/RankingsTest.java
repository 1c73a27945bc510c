package dev.arbiter.report;

import dev.arbiter.catalog.CatalogLoader;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.profile.Profiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RankingsTest {
    static final String A = "20260102-090000-aaaaaa";
    static final String B = "20260102-091000-bbbbbb";
    static final String C = "20260102-092000-cccccc";

    @TempDir Path dir;

    /**
     * Forty questions: A right on the first 30, B on the first 25, C on the first 20. A vs B and B vs C each have 5
     * discordant pairs, all one way (exact McNemar p = 0.0625: cannot tell apart); A vs C has 10 (p = 0.002: A is better).
     */
    RunsReport report() {
        Path file = dir.resolve("r.db");
        try (RunStore s = RunStore.open(file)) {
            ReportFixture.eval(s, A, "m2", ReportFixture.T0, 40, i -> i < 30);
            ReportFixture.eval(s, B, "m", ReportFixture.T0.plusSeconds(600), 40, i -> i < 25);
            ReportFixture.eval(s, C, "mc", ReportFixture.T0.plusSeconds(1200), 40, i -> i < 20);
            return new RunsReportBuilder(s, new CatalogLoader().load(List.of(RunsReportGoldenTest.CATALOG)), Profiler.bundled(),
                    RunsReportGoldenTest.CLOCK, 200).build(List.of(A, B, C), Map.of(), null);
        }
    }

    @Test
    void aRunIsRankedBelowEveryRunThePairedTestFindsBetterNotOnlyTheOneJustAboveIt() {
        RunsReport r = report();
        assertThat(r.paired()).extracting(p -> p.a().runId() + "-" + p.b().runId() + ":" + p.comparison().significant())
                .containsExactly(A + "-" + B + ":false", A + "-" + C + ":true", B + "-" + C + ":false");
        List<DecisionSummary.Ranked> ranked = r.summary().rankings().get(0).ranked();
        assertThat(ranked).extracting(DecisionSummary.Ranked::runId).containsExactly(A, B, C);
        assertThat(ranked).extracting(DecisionSummary.Ranked::rank).containsExactly(1, 1, 2);
        assertThat(ranked).extracting(DecisionSummary.Ranked::tied).containsExactly(true, true, false);
        assertThat(RunsReportText.markdown(r)).contains("| ≈1 | m2 |", "| ≈1 | m |", "| 2 | mc |").doesNotContain("| ≈1 | mc |");
    }

    @Test
    void runsThePairedTestSeparatesEachGetTheirOwnRank() {
        RunsReport r = RunsReportGoldenTest.build(dir);  // 11 of 12 against 5 of 12, McNemar p = 0.031
        assertThat(r.summary().rankings().get(0).ranked()).extracting(DecisionSummary.Ranked::rank).containsExactly(1, 2);
        assertThat(r.summary().rankings().get(0).ranked()).extracting(DecisionSummary.Ranked::tied).containsExactly(false, false);
    }

    @Test
    void aRunThatDidNotCompleteIsNotRankedAndTheReportSaysWhy() {
        Path file = dir.resolve("i.db");
        try (RunStore s = RunStore.open(file)) {
            ReportFixture.eval(s, A, "m2", ReportFixture.T0, 40, i -> i < 30);
            ReportFixture.eval(s, B, "m", ReportFixture.T0.plusSeconds(600), 40, i -> i < 25);
            ReportFixture.killed(s, C, "mc", ReportFixture.T0.plusSeconds(1200), 40, 14, i -> i < 9);  // 14 of 40: 64.3%
            RunsReport r = new RunsReportBuilder(s, new CatalogLoader().load(List.of(RunsReportGoldenTest.CATALOG)), Profiler.bundled(),
                    RunsReportGoldenTest.CLOCK, 200).build(List.of(A, B, C), Map.of(), null);
            assertThat(r.summary().rankings().get(0).ranked()).extracting(DecisionSummary.Ranked::runId).containsExactly(A, B);
            assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("Run " + C + " (mc) is not ranked on mmlu: it is incomplete (stale, 14 of 40 answers)"));
            assertThat(RunsReportText.markdown(r)).doesNotContain("| ≈1 | mc |", "| 2 | mc |").contains("| mc | stale | 14/40 |");
        }
    }
}
