package dev.arbiter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.EnvLookup;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.util.Json;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bench run stores its finished levels as each one ends (status still {@code running}), so `runs` and the web UI's
 * live view show progress; the final record then replaces them.
 */
class BenchProgressTest {
    @TempDir
    Path dir;

    @Test
    void eachFinishedLevelIsStoredWhileTheRunIsStillRunning() throws Exception {
        try (DelayStubServer server = DelayStubServer.start(1, 1); RunStore store = RunStore.open(dir.resolve("a.db"))) {
            Endpoint e = Endpoint.of(server.uri(), ApiFlavor.openai, "m");
            BenchPlan plan = new BenchPlan(List.of(LoadLevel.closed(1), LoadLevel.closed(2)),
                    new BenchRunner.Bound(4, null), 0, 1, null, null);
            BenchSetup setup = new BenchSetup(e, plan, new SyntheticWorkload(1, LengthSpec.fixed(16), LengthSpec.fixed(4), 1, 0),
                    true, null, false, null, null, null, null, 1, dir.resolve("runs"), null, null);
            BenchSession session = new BenchSession(store, Clock.systemUTC(), Ticker.system(), EnvLookup.system(), () -> "bench-1");
            List<String> seenAtSecondLevel = new ArrayList<>();
            BenchSession.Prepared p = session.prepare(setup);
            BenchSession.Outcome o = session.run(p, new LevelListener() {
                @Override
                public void levelStarted(LoadLevel level, int index, int of) {
                    if (index == 1) return; // 1-based: the second level starts after the first one ended
                    var run = store.run("bench-1").orElseThrow();
                    seenAtSecondLevel.add(run.status());
                    try {
                        JsonNode rec = Json.mapper().readTree(run.record());
                        seenAtSecondLevel.add(rec.path("status").asText() + " " + rec.path("levels").size() + " level(s), c="
                                + rec.path("levels").get(0).path("concurrency").asInt() + ", completed "
                                + rec.path("levels").get(0).path("completed").asInt());
                    } catch (java.io.IOException ex) {
                        throw new AssertionError(ex);
                    }
                }
            });
            assertThat(seenAtSecondLevel).containsExactly("running", "running 1 level(s), c=1, completed 4");
            assertThat(o.record().status()).isEqualTo("completed");
            JsonNode last = Json.mapper().readTree(store.run("bench-1").orElseThrow().record());
            assertThat(last.path("status").asText()).isEqualTo("completed");
            assertThat(last.path("levels").size()).isEqualTo(2);
        }
    }
}
