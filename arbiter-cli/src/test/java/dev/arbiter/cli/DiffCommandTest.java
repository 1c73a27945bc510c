package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.eval.engine.RunManifest;
import dev.arbiter.eval.engine.RunStatus;
import dev.arbiter.eval.engine.SampleRecord;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.store.StoredRun;
import dev.arbiter.eval.store.StoredSample;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;

class DiffCommandTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    @TempDir Path dir;

    record Result(int code, String out, String err) {}

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Arbiter.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Stores a completed run of {@code task} whose sample q{i} (i = 1..n) passed when {@code pass.test(i)}. */
    private static void storeRun(RunStore store, String runId, String task, String model, int n, IntPredicate pass) {
        RunManifest m = new RunManifest(runId, RunStatus.completed, task, 1, "includes", List.of("accuracy"), model, "local",
                "openai http://127.0.0.1:1 " + model, null, "sums", "sums.jsonl", "abc123", n, n, GenerationConfig.DEFAULT,
                null, null, 1, 4, null, null, null, false, "test", T0, T0, "runs/" + runId, "key-" + runId, null);
        store.insertRun(new StoredRun(runId, task, model, m.endpoint(), m.settingsKey(), "completed", T0, T0, n, n, null,
                Json.write(m), null));
        for (int i = 1; i <= n; i++) {
            double score = pass.test(i) ? 1.0 : 0.0;
            SampleRecord r = new SampleRecord("q" + i, 0, SampleRecord.SCORED, List.of(ChatMessage.user("q" + i)), List.of("a"),
                    List.of(), Map.of(), List.of(), "answer", null, "stop", model, "includes", "answer", score, "", Map.of(),
                    1, 1, null, null, 1, 1, 0, null, T0, null, null, null);
            store.putSample(new StoredSample(runId, task, r.sampleId(), 0, Json.write(r), score, r.status()));
        }
    }

    private Path storeWithTwoRuns() {
        Path db = dir.resolve("arbiter.db");
        try (RunStore s = RunStore.open(db)) {
            storeRun(s, "run-a", "custom", "model-a", 20, i -> i % 5 != 0);   // 16/20
            storeRun(s, "run-b", "custom", "model-b", 20, i -> i % 2 == 0);   // 10/20
            storeRun(s, "run-m", "mmlu", "model-b", 20, i -> true);
        }
        return db;
    }

    @Test
    void printsTheDifferenceTheTestAndAPlainVerdict() {
        Path db = storeWithTwoRuns();
        Result r = run("diff", "run-a", "run-b", "--store", db.toString());
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("A: run-a  custom v1  model model-a  scorer includes  completed  20 scored; mean over the 20 shared: 0.8000")
                .contains("shared samples: 20 (only in A: 0, only in B: 0)")
                .contains("difference A - B: 0.3000")
                .contains("McNemar (exact binomial): only A passed 8, only B passed 2, p = 0.1094")
                .contains("verdict: no detectable difference")
                .contains("! Cannot tell the models apart on these 20 samples");
    }

    @Test
    void jsonOutputCarriesTheComparison() throws Exception {
        Path db = storeWithTwoRuns();
        Result r = run("diff", "run-a", "run-b", "--store", db.toString(), "--format", "json");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("kind").asText()).isEqualTo("diff");
        assertThat(j.at("/comparison/p_value").asDouble()).isEqualTo(112.0 / 1024);
        assertThat(j.at("/comparison/a_only_passed").asInt()).isEqualTo(8);
        assertThat(j.at("/comparison/test").asText()).isEqualTo("mcnemar_exact");
        assertThat(j.at("/a/model").asText()).isEqualTo("model-a");
    }

    @Test
    void theSameSeedGivesTheSameInterval() {
        Path db = storeWithTwoRuns();
        assertThat(run("diff", "run-a", "run-b", "--store", db.toString(), "--seed", "9").out())
                .isEqualTo(run("diff", "run-a", "run-b", "--store", db.toString(), "--seed", "9").out());
    }

    @Test
    void runsOfDifferentTasksAreRefused() {
        Path db = storeWithTwoRuns();
        Result r = run("diff", "run-a", "run-m", "--store", db.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("only runs of the same task can be compared");
    }

    @Test
    void anUnknownRunIsBadInput() {
        Path db = storeWithTwoRuns();
        Result r = run("diff", "run-a", "nope", "--store", db.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("no run nope");
    }

    @Test
    void aMissingStoreIsUnavailableAndNotCreated() {
        Path db = dir.resolve("missing.db");
        Result r = run("diff", "run-a", "run-b", "--store", db.toString());
        assertThat(r.code()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(db).doesNotExist();
    }
}
