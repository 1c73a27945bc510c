package dev.arbiter.eval.store;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.Usage;
import dev.arbiter.error.UnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunStoreTest {
    @TempDir Path dir;

    static StoredRun run(String id, String key, String status, String started) {
        return new StoredRun(id, "gsm8k", "llama3", "openai http://h llama3", key, status, Instant.parse(started), null,
                4, 0, null, "{\"run_id\":\"" + id + "\"}", null);
    }

    @Test
    void runsAndSamplesSurviveClosingAndReopeningTheFile() {
        Path file = dir.resolve("sub/arbiter.db");
        try (RunStore s = RunStore.open(file)) {
            s.insertRun(run("r1", "k", "running", "2025-03-01T12:00:00Z"));
            s.putSample(new StoredSample("r1", "gsm8k", "q1", 0, "{\"a\":1}", 1.0, "scored"));
            s.putSample(new StoredSample("r1", "gsm8k", "q2", 0, "{\"a\":2}", null, "unscored"));
        }
        try (RunStore s = RunStore.open(file)) {
            StoredRun r = s.run("r1").orElseThrow();
            assertThat(r.done()).isEqualTo(2);
            assertThat(r.planned()).isEqualTo(4);
            assertThat(r.startedAt()).isEqualTo(Instant.parse("2025-03-01T12:00:00Z"));
            assertThat(s.samples("r1")).containsExactly(
                    new StoredSample("r1", "gsm8k", "q1", 0, "{\"a\":1}", 1.0, "scored"),
                    new StoredSample("r1", "gsm8k", "q2", 0, "{\"a\":2}", null, "unscored"));
        }
    }

    @Test
    void anAnswerIsCommittedBeforePutSampleReturns() {
        // A second connection sees the row while the first is still open: nothing waits for close (or for a kill).
        Path file = dir.resolve("a.db");
        RunStore writer = RunStore.open(file);
        try (RunStore reader = RunStore.open(file)) {
            writer.insertRun(run("r1", "k", "running", "2025-03-01T12:00:00Z"));
            writer.putSample(new StoredSample("r1", "t", "q1", 0, "{}", 1.0, "scored"));
            assertThat(reader.samples("r1")).hasSize(1);
        } finally {
            writer.close();
        }
    }

    @Test
    void theStoreUsesTheWriteAheadLog() throws Exception {
        Path file = dir.resolve("arbiter.db");
        RunStore.open(file).close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement();
             var rs = st.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
    }

    @Test
    void aSecondAnswerForTheSameSampleAndEpochReplacesTheFirst() {
        try (RunStore s = RunStore.open(dir.resolve("a.db"))) {
            s.insertRun(run("r1", "k", "running", "2025-03-01T12:00:00Z"));
            s.putSample(new StoredSample("r1", "t", "q1", 0, "{}", null, "error"));
            s.putSample(new StoredSample("r1", "t", "q1", 0, "{}", 0.0, "scored"));
            assertThat(s.samples("r1")).singleElement().extracting(StoredSample::status).isEqualTo("scored");
        }
    }

    @Test
    void runsOfOneTaskAreTheOnlyOnesRead() {
        try (RunStore s = RunStore.open(dir.resolve("a.db"))) {
            s.insertRun(run("e1", "k1", "completed", "2025-03-01T10:00:00Z"));
            StoredRun b = run("b1", "k2", "completed", "2025-03-01T11:00:00Z");
            s.insertRun(new StoredRun(b.runId(), "bench", b.model(), b.endpoint(), b.settingsKey(), b.status(), b.startedAt(),
                    null, 0, 0, null, "{}", null));
            s.insertRun(run("e2", "k3", "completed", "2025-03-01T12:00:00Z"));
            assertThat(s.runs("bench")).extracting(StoredRun::runId).containsExactly("b1");
            assertThat(s.runs("gsm8k")).extracting(StoredRun::runId).containsExactly("e2", "e1");
            assertThat(s.runs("mmlu")).isEmpty();
        }
    }

    @Test
    void theNewestIncompleteRunWithTheSameSettingsIsFound() {
        try (RunStore s = RunStore.open(dir.resolve("a.db"))) {
            s.insertRun(run("old", "k", "failed", "2025-03-01T10:00:00Z"));
            s.insertRun(run("new", "k", "running", "2025-03-01T11:00:00Z"));
            s.insertRun(run("done", "k", "running", "2025-03-01T12:00:00Z"));
            s.finishRun("done", "completed", Instant.parse("2025-03-01T12:30:00Z"), 0.5, "{}", "{}");
            s.insertRun(run("other", "k2", "running", "2025-03-01T13:00:00Z"));

            assertThat(s.latestIncomplete("k")).get().extracting(StoredRun::runId).isEqualTo("new");
            assertThat(s.runs()).extracting(StoredRun::runId).containsExactly("other", "done", "new", "old");
            assertThat(s.run("done").orElseThrow().score()).isEqualTo(0.5);
        }
    }

    @Test
    void theNewestIncompleteRunIsFoundWhenStartTimesDifferOnlyInFractionsOfASecond() {
        // Instant.toString drops a zero fraction: "…:00Z" sorts after "…:00.500Z" as text although it is earlier
        try (RunStore s = RunStore.open(dir.resolve("a.db"))) {
            s.insertRun(run("earlier", "k", "failed", "2025-03-01T10:00:00Z"));
            s.insertRun(run("later", "k", "failed", "2025-03-01T10:00:00.500Z"));

            assertThat(s.latestIncomplete("k")).get().extracting(StoredRun::runId).isEqualTo("later");
        }
    }

    @Test
    void aReopenedRunForgetsItsOldRecordAndScoreUntilItEndsAgain() {
        try (RunStore s = RunStore.open(dir.resolve("a.db"))) {
            s.insertRun(run("r1", "k", "running", "2025-03-01T12:00:00Z"));
            s.finishRun("r1", "failed", Instant.parse("2025-03-01T12:10:00Z"), 0.5, "{}", "{\"old\":1}");
            s.reopenRun("r1", "running", "{\"run_id\":\"r1\"}");
            StoredRun r = s.run("r1").orElseThrow();
            assertThat(r.status()).isEqualTo("running");
            assertThat(r.record()).isNull();
            assertThat(r.score()).isNull();
            assertThat(r.endedAt()).isNull();
        }
    }

    @Test
    void aStoreFromAnotherSchemaVersionIsRefusedWithTheFileNamed() throws Exception {
        Path file = dir.resolve("a.db");
        RunStore.open(file).close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
            st.executeUpdate("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
        }
        assertThatThrownBy(() -> RunStore.open(file)).isInstanceOf(UnavailableException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("99");
    }

    @Test
    void aCachedResponseComesBackEqualAndIsCountedAsAHit() {
        try (RunStore s = RunStore.open(dir.resolve("a.db"))) {
            ResponseCache cache = new ResponseCache(s, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
            GenerateRequest req = GenerateRequest.chat(List.of(ChatMessage.user("2+2?")), GenerationConfig.DEFAULT);
            String key = ResponseCache.key("openai http://h:1 m", req, "");
            GenerateResponse resp = new GenerateResponse("4", "think", "stop", new Usage(5, 1), null, null, "m");

            assertThat(cache.get(key)).isEmpty();
            cache.put(key, resp);
            assertThat(cache.get(key)).contains(resp);
            assertThat(cache.hits()).isEqualTo(1);
            assertThat(cache.misses()).isEqualTo(1);
        }
    }

    @Test
    void theCacheKeyChangesWithTheEndpointTheRequestAndTheSalt() {
        GenerateRequest a = GenerateRequest.chat(List.of(ChatMessage.user("hi")), GenerationConfig.DEFAULT);
        GenerateRequest b = GenerateRequest.chat(List.of(ChatMessage.user("hi")), GenerationConfig.DEFAULT.withSeed(1L));
        String k = ResponseCache.key("openai http://h:1 m", a, "");
        assertThat(ResponseCache.key("openai http://h:1 m", a, "")).isEqualTo(k).hasSize(64);
        assertThat(ResponseCache.key("openai http://h:1 other", a, "")).isNotEqualTo(k);
        assertThat(ResponseCache.key("openai http://h:2 m", a, "")).isNotEqualTo(k);
        assertThat(ResponseCache.key("openai http://h:1 m", b, "")).isNotEqualTo(k);
        assertThat(ResponseCache.key("openai http://h:1 m", a, "epoch=1")).isNotEqualTo(k);
    }
}
