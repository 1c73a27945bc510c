package dev.arbiter.compare;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.CatalogLoader;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.eval.store.RunLease;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.profile.Profiler;
import dev.arbiter.report.ReportFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeasuredRunsTest {
    @TempDir Path dir;

    static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");

    static Catalog golden() {
        return new CatalogLoader().load(List.of(Path.of("src/test/resources/report/golden-catalog.yaml")));
    }

    @Test
    void aFigureFromARunThatDidNotCompleteIsMarkedWithItsStatusAndAnswers() {
        try (RunStore s = RunStore.open(dir.resolve("m.db"))) {
            // killed after 4 of 12 questions, 3 right: 75.0, beside the published 74.2; its writer still holds it
            ReportFixture.killed(s, "partial", "Qwen/Qwen2.5-7B-Instruct", T0, 12, 4, i -> i != 2);
            try (RunLease writer = s.runLock(Clock.systemUTC()).acquire("partial")) {
                var measured = MeasuredRuns.read(new RunReader(s), Map.of("qwen2.5-7b", "partial"), golden());
                Comparison c = Comparison.of(golden(), List.of("qwen2.5-7b"), Profiler.bundled(), measured);
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
    }

    @Test
    void aRunStoredAsRunningThatNoProcessHoldsIsStaleNotRunning() {
        try (RunStore s = RunStore.open(dir.resolve("m.db"))) {
            ReportFixture.killed(s, "killed", "Qwen/Qwen2.5-7B-Instruct", T0, 12, 4, i -> i != 2);  // kill -9: no lock held
            var measured = MeasuredRuns.read(new RunReader(s), Map.of("qwen2.5-7b", "killed"), golden());
            Comparison c = Comparison.of(golden(), List.of("qwen2.5-7b"), Profiler.bundled(), measured);
            assertThat(c.rows().get(0).scores().get("mmlu").measuredProgress()).isEqualTo("stale, 4 of 12 answers");
            assertThat(s.run("killed").orElseThrow().status()).as("a read never rewrites the stored status").isEqualTo("running");
        }
    }

    @Test
    void anAnswerThatIsAnErrorIsNotAnswered() {
        // gsm8k, 40 planned, completed: 26 scored, 14 errors after their retries (what makes eval exit 4)
        TaskResult t = new TaskResult("gsm8k", 1, "gsm8k", 40, 1, 40, 26, 14, 14, 0, Map.of(), 0, 0, null, 0, Map.of(),
                Map.of("scored", 26, "error", 14), List.of());
        MeasuredRuns.Progress p = MeasuredRuns.Progress.of("completed", t);
        assertThat(p.answered()).isEqualTo(26);
        assertThat(p.complete()).isFalse();
        assertThat(p.describe()).isEqualTo("completed, 26 of 40 answers");
    }

    @Test
    void aContextOverflowIsAnOutcomeNotAMissingAnswer() {
        TaskResult t = new TaskResult("gsm8k", 1, "gsm8k", 40, 1, 40, 39, 1, 0, 0, Map.of(), 0, 0, null, 0, Map.of(),
                Map.of("scored", 39, "context_overflow", 1), List.of());
        assertThat(MeasuredRuns.Progress.of("completed", t).complete()).isTrue();
    }

    @Test
    void aRunOfAnotherCatalogueModelIsRefusedNamingTheModelItMeasured() {
        try (RunStore s = RunStore.open(dir.resolve("m.db"))) {
            ReportFixture.eval(s, "gemma", "google/gemma-3-27b-it", T0, 12, i -> i % 2 == 0);
            assertThatThrownBy(() -> MeasuredRuns.read(new RunReader(s), Map.of("qwen2.5-7b", "gemma"), new CatalogLoader().bundled()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("run gemma measured google/gemma-3-27b-it, which is gemma-3-27b in the catalogue, not qwen2.5-7b")
                    .hasMessageContaining("--measured gemma-3-27b=gemma");
        }
    }

    @Test
    void aRunWhoseServedNameNamesNoCatalogueModelIsTakenAsGiven() {
        try (RunStore s = RunStore.open(dir.resolve("m.db"))) {
            ReportFixture.eval(s, "house", "acme/house-model-1", T0, 12, i -> i % 2 == 0);
            assertThat(MeasuredRuns.read(new RunReader(s), Map.of("qwen2.5-7b", "house"), new CatalogLoader().bundled())
                    .get("qwen2.5-7b").get("mmlu").value()).isEqualTo(50.0);
        }
    }

    @Test
    void onlyFiguresOfCompleteRunsAreComparableAndEachLeftOutOneIsNoted() {
        MeasuredRuns.Progress done = new MeasuredRuns.Progress("completed", 80, 80);
        MeasuredRuns.Progress stopped = new MeasuredRuns.Progress("interrupted", 14, 80);
        Map<String, Map<String, Comparison.Measured>> measured = Map.of(
                "qwen2.5-7b", Map.of("gsm8k", new Comparison.Measured(64.3, "r-stopped", null, stopped)),
                "llama-3.1-8b", Map.of("gsm8k", new Comparison.Measured(80.0, "r-done", null, done)));
        List<String> notes = new java.util.ArrayList<>();
        var figures = MeasuredRuns.comparable(measured, notes);
        assertThat(figures).containsOnlyKeys("llama-3.1-8b");
        assertThat(notes).singleElement().asString()
                .contains("qwen2.5-7b: run r-stopped's gsm8k figure 64.3 is not used: the run is incomplete (interrupted, 14 of 80 answers)");
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
