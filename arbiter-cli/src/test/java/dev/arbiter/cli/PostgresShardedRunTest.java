package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.store.StoredSample;
import dev.arbiter.testing.EmbeddedPg;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sharded job on a shared PostgreSQL store (embedded server, random port): four eval processes writing at once,
 * each taking its shard from {@code JOB_COMPLETION_INDEX} as the pods of an Indexed Job do, then {@code merge}; and
 * the one-writer-per-run lock between processes.
 */
class PostgresShardedRunTest {
    @TempDir Path dir;

    @org.junit.jupiter.api.BeforeEach
    void credentials() {
        StoreMixin.environment = EmbeddedPg.env();  // in-process commands read PGUSER as the pods do
    }

    @org.junit.jupiter.api.AfterEach
    void noCredentials() {
        StoreMixin.environment = null;
    }

    @Test
    void fourPodsWritingAtOnceMergeIntoTheUnshardedRunWithNothingLostOrDuplicated() throws Exception {
        String store = EmbeddedPg.newDatabase();
        Path data = ShardedRunMergeTest.data(dir);
        Map<String, String> env = new HashMap<>(EmbeddedPg.childEnv());
        env.put("ARBITER_HOME", dir.resolve("home").toString());
        try (ScriptedLlmServer server = ShardedRunMergeTest.server()) {
            List<ChildCli> pods = new ArrayList<>();
            for (int index = 0; index < 4; index++) {
                Map<String, String> podEnv = new HashMap<>(env);
                podEnv.put("JOB_COMPLETION_INDEX", Integer.toString(index));
                List<String> args = ShardedRunMergeTest.evalArgs(server, data, store);
                args.addAll(List.of("--shards", "4", "--out", dir.resolve("pod" + index).toString()));
                pods.add(ChildCli.start(dir.resolve("pod" + index + ".log"), podEnv, args));
            }
            List<String> whole = ShardedRunMergeTest.evalArgs(server, data, dir.resolve("local.db").toString());
            CliRun single = CliRun.of(whole.toArray(String[]::new));
            assertThat(single.exit()).as(single.err()).isZero();
            List<String> ids = new ArrayList<>();
            for (ChildCli pod : pods) {
                assertThat(pod.await()).as(pod.output()).isZero();
                String out = pod.output();
                ids.add(Json.mapper().readTree(out.substring(out.indexOf('{'))).get("run_id").asText());
            }

            Set<String> seen = new HashSet<>();
            int stored = 0;
            try (RunStore s = RunStore.open(store, EmbeddedPg.env())) {
                for (String id : ids) {
                    for (StoredSample x : s.samples(id)) {
                        stored++;
                        seen.add(x.sampleId() + "#" + x.epoch());
                    }
                }
            }
            assertThat(stored).as("nothing duplicated").isEqualTo(seen.size());
            assertThat(seen).as("nothing lost").hasSize(2 * ShardedRunMergeTest.N);

            CliRun merged = CliRun.of(mergeArgs(store, ids));
            assertThat(merged.exit()).as(merged.err()).isZero();
            assertThat(merged.json().get("tasks").get(0).get("metrics").toString())
                    .isEqualTo(single.json().get("tasks").get(0).get("metrics").toString());
            try (RunStore pg = RunStore.open(store, EmbeddedPg.env());
                 RunStore local = RunStore.open(dir.resolve("local.db"))) {
                assertThat(ShardedRunMergeTest.keys(pg.samples(merged.json().get("run_id").asText())))
                        .isEqualTo(ShardedRunMergeTest.keys(local.samples(single.json().get("run_id").asText())));
            }

            CliRun three = CliRun.of(mergeArgs(store, ids.subList(1, 4)));
            assertThat(three.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(three.err()).contains("missing shard 1/4");

            CliRun runs = CliRun.of("runs", "--store", store, "--format", "json");
            assertThat(runs.exit()).as(runs.err()).isZero();
            assertThat(runs.out()).contains(merged.json().get("run_id").asText()).contains(ids.get(0));
        }
    }

    @Test
    void twoResumesOfOneRunCannotBothProceed() throws Exception {
        String store = EmbeddedPg.newDatabase();
        Path data = ShardedRunMergeTest.data(dir);
        Map<String, String> env = new HashMap<>(EmbeddedPg.childEnv());
        env.put("ARBITER_HOME", dir.resolve("home").toString());
        // the first writer's answers wait until the second resume has been refused
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (ScriptedLlmServer server = ScriptedLlmServer.builder().models("m").script(r -> {
            String q = r.lastUserMessage();
            if (q == null || !q.matches("q\\d+")) return Reply.text("OK");
            try {
                release.await(2, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.text("a" + q.substring(1));
        }).start()) {
            List<String> args = ShardedRunMergeTest.evalArgs(server, data, store);
            args.addAll(List.of("--out", dir.resolve("run").toString()));
            ChildCli first = ChildCli.start(dir.resolve("first.log"), env, args);
            Path manifest = dir.resolve("run").resolve("manifest.json");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (!Files.exists(manifest) && first.process().isAlive() && Instant.now().isBefore(deadline)) Thread.sleep(20);
            assertThat(first.process().isAlive()).as(first.output()).isTrue();
            String runId = Json.mapper().readTree(Files.readString(manifest)).get("run_id").asText();

            List<String> resume = ShardedRunMergeTest.evalArgs(server, data, store);
            resume.addAll(List.of("--resume", runId));
            ChildCli second = ChildCli.start(dir.resolve("second.log"), env, resume);
            assertThat(second.await()).as(second.output()).isEqualTo(ExitCode.UNAVAILABLE);
            assertThat(second.output()).contains("run " + runId + " is being written by pid " + first.process().pid());
            assertThat(first.process().isAlive()).as("the first writer goes on").isTrue();
            release.countDown();
            assertThat(first.await()).as(first.output()).isZero();

            CliRun after = CliRun.of(resume.toArray(String[]::new));
            assertThat(after.exit()).as(after.err()).isZero();
            JsonNode r = after.json();
            assertThat(r.get("run_id").asText()).isEqualTo(runId);
            assertThat(r.get("tasks").get(0).get("samples").asInt()).isEqualTo(ShardedRunMergeTest.N);
        }
    }

    private static String[] mergeArgs(String store, List<String> ids) {
        List<String> a = new ArrayList<>(List.of("merge", "--store", store, "--format", "json"));
        a.addAll(ids);
        return a.toArray(String[]::new);
    }
}
