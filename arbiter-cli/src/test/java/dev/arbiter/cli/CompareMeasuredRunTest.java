package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.report.ReportFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code compare --measured MODEL=RUN} with a run that was killed part-way: its figure is shown, marked, never passed off. */
class CompareMeasuredRunTest {
    @TempDir Path dir;

    String killedRun() {
        Path file = dir.resolve("s.db");
        try (RunStore s = RunStore.open(file)) {
            // killed after 4 of 12 questions, 3 right: 75.0
            ReportFixture.killed(s, "partial", "Qwen/Qwen2.5-7B-Instruct", Instant.parse("2026-01-01T09:00:00Z"), 12, 4, i -> i != 2);
        }
        return file.toString();
    }

    @Test
    void theJsonSaysTheMeasuredRunIsRunningWithFourOfTwelveAnswers() {
        CliRun r = CliRun.of("compare", "qwen2.5-7b", "--measured", "qwen2.5-7b=partial", "--store", killedRun(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode cell = r.json().get("rows").get(0).get("scores").get("mmlu");
        assertThat(cell.get("measured").asDouble()).isEqualTo(75.0);
        assertThat(cell.get("measured_status").asText()).isEqualTo("running");
        assertThat(cell.get("measured_answered").asInt()).isEqualTo(4);
        assertThat(cell.get("measured_planned").asInt()).isEqualTo(12);
    }

    @Test
    void theTableMarksTheFigureIncompleteAndSaysItIsNotComparable() {
        CliRun r = CliRun.of("compare", "qwen2.5-7b", "--measured", "qwen2.5-7b=partial", "--store", killedRun());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("*75.0 (incomplete: running, 4 of 12 answers)")
                .contains("measured 75.0 by run partial, which is incomplete (running, 4 of 12 answers)", "not comparable");
    }
}
