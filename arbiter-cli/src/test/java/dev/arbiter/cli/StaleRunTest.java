package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.eval.store.RunLease;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.report.ReportFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed with -9 is left stored as "running". Every view must tell it from a run being written — by whether a
 * process holds the run's lock — and show it as stale, never live, without rewriting what is stored.
 */
class StaleRunTest {
    @TempDir Path dir;

    Path killed() {
        Path file = dir.resolve("s.db");
        try (RunStore s = RunStore.open(file)) {
            ReportFixture.killed(s, "killed", "Qwen/Qwen2.5-7B-Instruct", Instant.parse("2026-01-01T09:00:00Z"), 60, 14, i -> i % 2 == 0);
        }
        return file;
    }

    @Test
    void runsListsAKilledRunAsStaleAndSaysHowToResumeIt() {
        Path store = killed();
        JsonNode row = CliRun.of("runs", "--store", store.toString(), "--format", "json").json().get("runs").get(0);
        assertThat(row.get("status").asText()).isEqualTo("stale");
        // no final record: counted from what it stored, not rebuilt from every answer at each listing
        assertThat(row.hasNonNull("answered")).isFalse();
        assertThat(row.get("samples").asInt()).isEqualTo(14);
        CliRun text = CliRun.of("runs", "--store", store.toString());
        assertThat(text.out()).contains(" stale ", " 14/60 ");
        assertThat(text.err()).contains("run killed is stored as running but no process is writing it", "--resume killed");
        assertThat(CliRun.of("runs", "killed", "--store", store.toString()).err()).contains("--resume killed");
        try (RunStore s = RunStore.open(store)) {
            assertThat(s.run("killed").orElseThrow().status()).as("reading never rewrites the stored status").isEqualTo("running");
        }
    }

    @Test
    void aRunWhoseWriterHoldsItIsStillRunning() {
        Path store = killed();
        try (RunStore s = RunStore.open(store); RunLease writer = s.runLock(Clock.systemUTC()).acquire("killed")) {
            CliRun list = CliRun.of("runs", "--store", store.toString(), "--format", "json");
            assertThat(list.json().get("runs").get(0).get("status").asText()).isEqualTo("running");
            CliRun report = CliRun.of("report", "killed", "--store", store.toString(), "--format", "json");
            assertThat(report.json().get("runs").get(0).get("status").asText()).isEqualTo("running");
        }
    }

    @Test
    void theReportSaysTheKilledRunIsStaleNotRunning() {
        CliRun r = CliRun.of("report", "killed", "--store", killed().toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("runs").get(0).get("status").asText()).isEqualTo("stale");
        assertThat(r.json().get("comparison").get(0).get("status").asText()).isEqualTo("stale");
        assertThat(r.json().get("notes").toString()).contains("no process is writing it");
    }

    @Test
    void theRunsOwnPageSaysStaleAndHowToResume() {
        CliRun r = CliRun.of("report", "killed", "--store", killed().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("<h1>Run killed — stale</h1>", "--resume killed");
    }
}
