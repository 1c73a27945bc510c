package dev.arbiter.eval.engine;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.metrics.Metrics;
import dev.arbiter.eval.scale.ShardSpec;
import dev.arbiter.eval.store.RunStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunMergeTest {
    static final int N = 30;
    @TempDir Path dir;
    RunStore store;
    final AtomicInteger ids = new AtomicInteger();

    @BeforeEach
    void open() {
        store = RunStore.open(dir.resolve("arbiter.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    EngineEnvironment env() {
        return new EngineEnvironment(Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC), () -> 0L, n -> { },
                new SplittableRandom(1), () -> "run-" + ids.incrementAndGet());
    }

    /** A client whose identity (the endpoint URL in the manifest) is {@code url}: a replica of the same model. */
    static FakeClient at(String url) {
        return new FakeClient(TestTasks::mostlyRight) {
            @Override
            public String describe() { return "openai " + url + " fake-model"; }
        };
    }

    String shard(String shard, FakeClient client, Integer limit) {
        RunOptions.Builder o = RunOptions.builder(dir.resolve("runs")).limit(limit).seed(3L).epochs(2).autoResume(false);
        if (shard != null) o.shard(ShardSpec.parse(shard));
        return new EvalRunner(store, env(), null).run(TestTasks.task(N), TestTasks.endpoint(), client, o.build()).runId();
    }

    RunRecord merge(List<String> runIds) {
        return new RunMerge(store, env()).merge(runIds, Metrics.passFail(), null, dir.resolve("runs"));
    }

    @Test
    void shardsOnReplicasAtOtherUrlsMergeIntoTheUnshardedResult() {
        String whole = shard(null, at("http://a:8000"), 20);
        List<String> shards = new ArrayList<>();
        for (int k = 1; k <= 3; k++) shards.add(shard(k + "/3", at("http://replica-" + k + ":8000"), 20));
        RunRecord merged = merge(shards);
        RunRecord single = new RunReader(store).record(whole);
        assertThat(merged.tasks().get(0).metrics()).isEqualTo(single.tasks().get(0).metrics());
        assertThat(merged.tasks().get(0).samples()).isEqualTo(20);
        assertThat(merged.manifest().planned()).isEqualTo(40);
        assertThat(merged.manifest().scale().mergedFrom()).containsExactlyElementsOf(shards);
        assertThat(merged.manifest().endpoint()).contains("replica-1").contains("replica-3");
    }

    @Test
    void aShardGivenTwiceIsRefused() {
        String a = shard("1/2", at("http://a:8000"), null);
        String b = shard("1/2", at("http://b:8000"), null);
        String c = shard("2/2", at("http://a:8000"), null);
        assertThatThrownBy(() -> merge(List.of(a, b, c))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("shard 1/2 is given twice (runs " + a + " and " + b + ")");
    }

    @Test
    void aRunWithoutShardOrOfAnotherModelIsRefused() {
        String whole = shard(null, at("http://a:8000"), null);
        String one = shard("1/2", at("http://a:8000"), null);
        assertThatThrownBy(() -> merge(List.of(one, whole))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("run " + whole + " is not a shard");
        RunOptions o = RunOptions.builder(dir.resolve("runs")).seed(3L).epochs(2).autoResume(false).shard(ShardSpec.parse("2/2")).build();
        String other = new EvalRunner(store, env(), null).run(TestTasks.task(N), TestTasks.endpoint().withModel("other-model"),
                at("http://a:8000"), o).runId();
        assertThatThrownBy(() -> merge(List.of(one, other))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("in model (fake-model vs other-model)");
    }
}
