package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.store.StoredSample;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four shard processes of one evaluation against a scripted server on 127.0.0.1, then {@code merge}: the merged run
 * holds exactly the answers of the same evaluation run unsharded, with the same score and interval to the last
 * digit; three of the four shards are refused, naming the missing one; diff, report and rescore take the merged run.
 */
class ShardedRunMergeTest {
    static final int N = 60;
    @TempDir Path dir;

    /** Right on questions whose number is not a multiple of 3, on both epochs: accuracy 40/60. */
    static ScriptedLlmServer server() throws Exception {
        return ScriptedLlmServer.builder().models("m").script(r -> {
            String q = r.lastUserMessage();
            if (q == null || !q.matches("q\\d+")) return Reply.text("OK");
            int i = Integer.parseInt(q.substring(1));
            return Reply.text(i % 3 != 0 ? "a" + i : "wrong");
        }).start();
    }

    static Path data(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("input,target\n");
        for (int i = 0; i < N; i++) csv.append("q").append(i).append(",a").append(i).append('\n');
        return Files.writeString(dir.resolve("qa.csv"), csv.toString());
    }

    static List<String> evalArgs(ScriptedLlmServer server, Path data, String store) {
        return new ArrayList<>(List.of("eval", "--endpoint", server.baseUri().toString(), "--model", "m", "--task", "custom",
                "--data", data.toString(), "--store", store, "--epochs", "2", "--concurrency", "4", "--no-cache",
                "--quiet", "--format", "json"));
    }

    @Test
    void fourShardProcessesMergeIntoExactlyTheUnshardedRun() throws Exception {
        Path data = data(dir);
        String store = dir.resolve("arbiter.db").toString();
        try (ScriptedLlmServer server = server()) {
            List<String> whole = evalArgs(server, data, store);
            whole.addAll(List.of("--out", dir.resolve("whole").toString()));
            CliRun single = CliRun.of(whole.toArray(String[]::new));
            assertThat(single.exit()).as(single.err()).isZero();

            List<ChildCli> children = new ArrayList<>();
            for (int k = 1; k <= 4; k++) {
                List<String> args = evalArgs(server, data, store);
                args.addAll(List.of("--shard", k + "/4", "--out", dir.resolve("shard" + k).toString()));
                children.add(ChildCli.start(dir.resolve("shard" + k + ".log"),
                        Map.of("ARBITER_HOME", dir.resolve("home").toString()), args));
            }
            List<String> shardIds = new ArrayList<>();
            for (ChildCli c : children) {
                assertThat(c.await()).as(c.output()).isZero();
                String out = c.output();
                JsonNode run = dev.arbiter.util.Json.mapper().readTree(out.substring(out.indexOf('{')));
                shardIds.add(run.get("run_id").asText());
                assertThat(run.get("manifest").get("scale").get("shard").get("count").asInt()).isEqualTo(4);
            }

            CliRun merged = CliRun.of("merge", shardIds.get(2), shardIds.get(0), shardIds.get(3), shardIds.get(1),
                    "--store", store, "--out", dir.resolve("merged").toString(), "--format", "json");
            assertThat(merged.exit()).as(merged.err()).isZero();
            JsonNode a = single.json().get("tasks").get(0);
            JsonNode b = merged.json().get("tasks").get(0);
            assertThat(b.get("samples").asInt()).isEqualTo(N);
            assertThat(b.get("metrics").get("accuracy").get("value").asDouble()).isEqualTo(40.0 / 60);
            // to the last digit: the whole metric (value, stderr, both intervals, n) as JSON text
            assertThat(b.get("metrics").toString()).isEqualTo(a.get("metrics").toString());
            assertThat(merged.json().get("manifest").get("scale").get("merged_from")).hasSize(4);

            String mergedId = merged.json().get("run_id").asText();
            try (RunStore s = RunStore.open(Path.of(store))) {
                assertThat(keys(s.samples(mergedId))).isEqualTo(keys(s.samples(single.json().get("run_id").asText())))
                        .hasSize(2 * N);
                int total = 0;
                for (String id : shardIds) total += s.samples(id).size();
                assertThat(total).as("shards are disjoint and complete").isEqualTo(2 * N);
            }

            CliRun three = CliRun.of("merge", shardIds.get(0), shardIds.get(1), shardIds.get(3), "--store", store);
            assertThat(three.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(three.err()).contains("missing shard 3/4");

            CliRun diff = CliRun.of("diff", single.json().get("run_id").asText(), mergedId, "--store", store, "--format", "json");
            assertThat(diff.exit()).as(diff.err()).isZero();
            CliRun report = CliRun.of("report", mergedId, "--store", store, "--out", dir.resolve("merged.html").toString());
            assertThat(report.exit()).as(report.err()).isZero();
            assertThat(Files.readString(dir.resolve("merged.html"))).contains("q17");
            CliRun rescore = CliRun.of("rescore", mergedId, "--scorer", "exact", "--store", store, "--format", "json");
            assertThat(rescore.exit()).as(rescore.err()).isZero();
            assertThat(rescore.json().get("tasks").get(0).get("metrics").get("accuracy").get("value").asDouble())
                    .isEqualTo(40.0 / 60);
        }
    }

    @Test
    void shardsOfAnotherSelectionAreRefusedNamingTheField() throws Exception {
        Path data = data(dir);
        String store = dir.resolve("arbiter.db").toString();
        try (ScriptedLlmServer server = server()) {
            List<String> one = evalArgs(server, data, store);
            one.addAll(List.of("--shard", "1/2"));
            List<String> two = evalArgs(server, data, store);
            two.addAll(List.of("--shard", "2/2", "--limit", "30"));
            CliRun r1 = CliRun.of(one.toArray(String[]::new));
            CliRun r2 = CliRun.of(two.toArray(String[]::new));
            assertThat(r1.exit()).as(r1.err()).isZero();
            assertThat(r2.exit()).as(r2.err()).isZero();
            CliRun m = CliRun.of("merge", r1.json().get("run_id").asText(), r2.json().get("run_id").asText(), "--store", store);
            assertThat(m.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(m.err()).contains("differs").contains("--limit");
        }
    }

    @Test
    void aRunIdGivenTwiceIsRefusedWithExitTwoAsTheHelpSays() throws Exception {
        // merge RUN RUN was de-duplicated before RunMerge could refuse it, and went on as a merge of one run
        Path data = data(dir);
        String store = dir.resolve("arbiter.db").toString();
        try (ScriptedLlmServer server = server()) {
            List<String> one = evalArgs(server, data, store);
            one.addAll(List.of("--shard", "1/2"));
            CliRun r1 = CliRun.of(one.toArray(String[]::new));
            assertThat(r1.exit()).as(r1.err()).isZero();
            String id = r1.json().get("run_id").asText();
            CliRun m = CliRun.of("merge", id, id, "--store", store);
            assertThat(m.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(m.err()).contains("given twice").contains(id);
        }
    }

    @Test
    void shardsTakeTheirIndexFromTheIndexedJobsEnvironment() throws Exception {
        Path data = data(dir);
        String store = dir.resolve("arbiter.db").toString();
        try (ScriptedLlmServer server = server()) {
            ShardMixin.environment = name -> name.equals("JOB_COMPLETION_INDEX") ? "2" : null;
            List<String> args = evalArgs(server, data, store);
            args.addAll(List.of("--shards", "4"));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.json().get("manifest").get("scale").get("shard").get("index").asInt()).isEqualTo(3);
        } finally {
            ShardMixin.environment = null;
        }
    }

    @Test
    void shardsInOneStoreFileEachMergeWithFrom() throws Exception {
        Path data = data(dir);
        try (ScriptedLlmServer server = server()) {
            CliRun single = CliRun.of(evalArgs(server, data, dir.resolve("whole.db").toString()).toArray(String[]::new));
            assertThat(single.exit()).as(single.err()).isZero();
            List<String> merge = new ArrayList<>(List.of("merge", "--store", dir.resolve("merged.db").toString(), "--format", "json"));
            for (int k = 1; k <= 3; k++) {
                String store = dir.resolve("pod-" + k + ".db").toString();
                List<String> args = evalArgs(server, data, store);
                args.addAll(List.of("--shard", k + "/3"));
                CliRun r = CliRun.of(args.toArray(String[]::new));
                assertThat(r.exit()).as(r.err()).isZero();
                merge.addAll(List.of("--from", store));
            }
            CliRun merged = CliRun.of(merge.toArray(String[]::new));
            assertThat(merged.exit()).as(merged.err()).isZero();
            assertThat(merged.json().get("tasks").get(0).get("metrics").toString())
                    .isEqualTo(single.json().get("tasks").get(0).get("metrics").toString());
            CliRun runs = CliRun.of("runs", "--store", dir.resolve("merged.db").toString(), "--format", "json");
            assertThat(runs.out()).contains(merged.json().get("run_id").asText());
        }
    }

    static Set<String> keys(List<StoredSample> samples) {
        Set<String> out = new TreeSet<>();
        for (StoredSample s : samples) out.add(s.sampleId() + "#" + s.epoch() + "=" + s.score());
        return out;
    }
}
