package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.report.ReportFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code compare --measured MODEL=RUN} (and recommend's) with a run that was killed part-way: its figure is shown,
 * marked, never passed off (compare) nor ranked with (recommend); a run of another model is refused.
 */
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
    void theJsonSaysTheKilledRunIsStaleWithFourOfTwelveAnswers() {
        CliRun r = CliRun.of("compare", "qwen2.5-7b", "--measured", "qwen2.5-7b=partial", "--store", killedRun(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode cell = r.json().get("rows").get(0).get("scores").get("mmlu");
        assertThat(cell.get("measured").asDouble()).isEqualTo(75.0);
        assertThat(cell.get("measured_status").asText()).isEqualTo("stale");  // stored as running; no process holds it
        assertThat(cell.get("measured_answered").asInt()).isEqualTo(4);
        assertThat(cell.get("measured_planned").asInt()).isEqualTo(12);
    }

    @Test
    void theTableMarksTheFigureIncompleteAndSaysItIsNotComparable() {
        CliRun r = CliRun.of("compare", "qwen2.5-7b", "--measured", "qwen2.5-7b=partial", "--store", killedRun());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("*75.0 (incomplete: stale, 4 of 12 answers)")
                .contains("measured 75.0 by run partial, which is incomplete (stale, 4 of 12 answers)", "not comparable");
    }

    @Test
    void aRunOfAnotherModelIsRefusedNamingTheModelItMeasured() {
        Path file = dir.resolve("g.db");
        try (RunStore s = RunStore.open(file)) {
            ReportFixture.eval(s, "gemma", "google/gemma-3-27b-it", Instant.parse("2026-01-01T09:00:00Z"), 12, i -> i % 2 == 0);
        }
        for (String command : new String[]{"compare", "recommend"}) {
            CliRun r = command.equals("compare")
                    ? CliRun.of("compare", "qwen2.5-7b", "--measured", "qwen2.5-7b=gemma", "--store", file.toString())
                    : CliRun.of("recommend", "--hardware", "rtx-4090", "--use-case", "chatbot", "--measured", "qwen2.5-7b=gemma",
                    "--store", file.toString());
            assertThat(r.exit()).as(command + ": " + r.err()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(r.err()).as(command).contains("run gemma measured google/gemma-3-27b-it, which is gemma-3-27b in the catalogue, not qwen2.5-7b");
            assertThat(r.out()).as(command).isEmpty();
        }
    }

    @Test
    void recommendDoesNotRankWithAnIncompleteRunAndSaysWhyOnStderrInTheJsonAndInTheExplanation() {
        String store = killedRun();
        String[] base = {"recommend", "--hardware", "rtx-4090", "--use-case", "chatbot", "--store", store, "--format", "json"};
        CliRun without = CliRun.of(base);
        CliRun with = CliRun.of(concat(base, "--measured", "qwen2.5-7b=partial"));
        assertThat(with.exit()).as(with.err()).isZero();
        assertThat(with.json().get("recommendations")).isEqualTo(without.json().get("recommendations"));
        assertThat(with.out()).doesNotContain("your run partial");
        String note = "run partial's mmlu figure 75.0 is not used: the run is incomplete (stale, 4 of 12 answers)";
        assertThat(with.json().get("notes").toString()).contains(note);
        assertThat(with.err()).contains(note);
        CliRun explain = CliRun.of("recommend", "--hardware", "rtx-4090", "--use-case", "chatbot", "--store", store,
                "--measured", "qwen2.5-7b=partial", "--explain");
        assertThat(explain.out()).contains("Notes:", note);
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
