package dev.arbiter.compare;

import dev.arbiter.catalog.CatalogLoader;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.profile.Profiler;
import dev.arbiter.report.ReportFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MeasuredRunsTest {
    @TempDir Path dir;

    @Test
    void aFigureFromARunThatDidNotCompleteIsMarkedWithItsStatusAndAnswers() {
        try (RunStore s = RunStore.open(dir.resolve("m.db"))) {
            // killed after 4 of 12 questions, 3 right: 75.0, beside the published 74.2
            ReportFixture.killed(s, "partial", "Qwen/Qwen2.5-7B-Instruct", Instant.parse("2026-01-01T09:00:00Z"), 12, 4, i -> i != 2);
            var measured = MeasuredRuns.read(new RunReader(s), Map.of("qwen2.5-7b", "partial"));
            Comparison c = Comparison.of(new CatalogLoader().load(List.of(Path.of("src/test/resources/report/golden-catalog.yaml"))),
                    List.of("qwen2.5-7b"), Profiler.bundled(), measured);
            Cell cell = c.rows().get(0).scores().get("mmlu");
            assertThat(cell.measured()).isEqualTo(75.0);
            assertThat(cell.measuredStatus()).isEqualTo("running");
            assertThat(cell.measuredAnswered()).isEqualTo(4);
            assertThat(cell.measuredPlanned()).isEqualTo(12);
            assertThat(cell.measuredIncomplete()).isTrue();
            String text = ComparisonRenderer.text(c);
            assertThat(text).contains("*75.0 (incomplete: running, 4 of 12 answers)")
                    .contains("which is incomplete (running, 4 of 12 answers); a partial run is not a random sample");
            assertThat(ComparisonRenderer.markdown(c)).contains("**Incomplete run:**");
            assertThat(ComparisonRenderer.csv(c).split("\r\n")[1]).contains(",running,4,12");
        }
    }
    @Test
    void mmmuFillsTheCataloguesMmmuColumnWithAccuracyInPercent() {
        assertThat(MeasuredRuns.column("mmmu", "mmmu")).isEqualTo(new MeasuredRuns.Column("mmmu", "accuracy", 100));
        assertThat(Comparison.EXTRA_BENCHMARKS).contains("mmmu", "aime_2024");
    }

    @Test
    void aimeFillsTheAime2024ColumnOnlyWhenTheRunWasOnThe2024Problems() {
        assertThat(MeasuredRuns.column("aime", "aime_2024")).isEqualTo(new MeasuredRuns.Column("aime_2024", "accuracy", 100));
        assertThat(MeasuredRuns.column("aime", "aime_2025")).isNull();
        assertThat(MeasuredRuns.column("aime", "aime")).isNull();
    }
}
