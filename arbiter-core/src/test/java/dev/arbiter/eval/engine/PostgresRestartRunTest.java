package dev.arbiter.eval.engine;

import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.store.StoredSample;
import dev.arbiter.testing.EmbeddedPg;
import dev.arbiter.testing.RestartablePg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run writing into PostgreSQL whose server restarts in the middle of it (stopped and started again on the same
 * port while answers are being stored): the run carries on and completes with every answer stored exactly once and
 * the score of the scripted truth.
 */
class PostgresRestartRunTest {
    static final int N = 30;
    @TempDir Path dir;

    @Test
    void aRunWhoseDatabaseServerRestartsMidRunCompletesWithEveryAnswerOnce() throws Exception {
        try (RestartablePg pg = new RestartablePg(dir.resolve("pgdata"))) {
            String url = pg.newDatabase("midrun");
            FakeClient client = new FakeClient(TestTasks::mostlyRight);
            client.failOnCall = n -> {
                if (n == 20) {  // answers 1..19 are being stored around this call
                    try {
                        pg.restart();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return null;
            };
            EngineEnvironment env = new EngineEnvironment(Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC),
                    () -> 0L, x -> { }, new SplittableRandom(1), () -> "run-restart");
            try (RunStore store = RunStore.open(url, EmbeddedPg.env())) {
                RunOptions o = RunOptions.builder(dir.resolve("runs")).epochs(2).concurrency(4).autoResume(false).cache(false).build();
                RunRecord r = new EvalRunner(store, env, null).run(TestTasks.task(N), TestTasks.endpoint(), client, o);
                assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(RunStatus.completed);
                assertThat(store.reconnects()).isGreaterThanOrEqualTo(1);
                Set<String> seen = new HashSet<>();
                for (StoredSample s : store.samples(r.runId())) assertThat(seen.add(s.sampleId() + "#" + s.epoch())).isTrue();
                assertThat(seen).hasSize(2 * N);
                // right unless i % 3 == 0: 20 of 30
                assertThat(r.tasks().get(0).metrics().get("accuracy").value()).isEqualTo(20.0 / 30);
                assertThat(client.calls.get()).isEqualTo(2 * N);
            }
        }
    }

    @Test
    void aRunWhoseDatabaseServerStaysAwayStopsAsUnavailableAndItsResumeLosesNothing() throws Exception {
        try (RestartablePg pg = new RestartablePg(dir.resolve("pgdata"))) {
            String url = pg.newDatabase("away");
            FakeClient first = new FakeClient(TestTasks::mostlyRight);
            first.failOnCall = n -> {
                if (n == 20) {
                    try {
                        pg.stop();  // and not back until this run has given up
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return null;
            };
            EngineEnvironment env = new EngineEnvironment(Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC),
                    () -> 0L, x -> { }, new SplittableRandom(1), () -> "run-away");
            RunOptions o = RunOptions.builder(dir.resolve("runs")).epochs(2).concurrency(4).autoResume(false).cache(false).build();
            // the run cannot even record how it ended: the error reaches the command (exit 3), the row stays resumable
            try (RunStore store = RunStore.open(url, EmbeddedPg.env(), java.time.Duration.ofSeconds(1))) {
                assertThatThrownBy(() -> new EvalRunner(store, env, null).run(TestTasks.task(N), TestTasks.endpoint(), first, o))
                        .isInstanceOf(dev.arbiter.error.UnavailableException.class)
                        .hasMessageContaining("did not answer again within 1 s").hasMessageContaining("--resume");
            }

            pg.start();
            try (RunStore again = RunStore.open(url, EmbeddedPg.env())) {
                int kept = again.samples("run-away").size();
                assertThat(kept).as("answers committed before the server went away").isBetween(1, 2 * N - 1);
                FakeClient second = new FakeClient(TestTasks::mostlyRight);
                RunOptions resume = RunOptions.builder(dir.resolve("runs")).epochs(2).concurrency(4).cache(false)
                        .resume("run-away").build();
                RunRecord r = new EvalRunner(again, env, null).run(TestTasks.task(N), TestTasks.endpoint(), second, resume);
                assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(RunStatus.completed);
                assertThat(second.calls.get()).as("only the answers not stored are asked again").isEqualTo(2 * N - kept);
                Set<String> seen = new HashSet<>();
                for (StoredSample s : again.samples("run-away")) assertThat(seen.add(s.sampleId() + "#" + s.epoch())).isTrue();
                assertThat(seen).hasSize(2 * N);
                assertThat(r.tasks().get(0).metrics().get("accuracy").value()).isEqualTo(20.0 / 30);
            }
        }
    }
}
