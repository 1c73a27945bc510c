package dev.arbiter.eval.engine;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.metrics.Accuracy;
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
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A shard records how its task was built ({@code scale.task}); merge builds that task again and computes the task's
 * own metrics — here one no metric name could describe — over all the answers, exactly as the unsharded run does.
 */
class TaskRebuildTest {
    static final int N = 30;
    @TempDir Path dir;
    RunStore store;
    final AtomicInteger ids = new AtomicInteger();
    final AtomicInteger builds = new AtomicInteger();

    /** The share of odd-numbered questions answered right: a task's own metric, not one merge knows by name. */
    record OddAccuracy() implements Metric {
        @Override
        public String name() { return "odd_accuracy"; }

        @Override
        public MetricValue compute(List<SampleScore> scores) {
            List<SampleScore> odd = scores.stream().filter(s -> Integer.parseInt(s.sampleId().substring(1)) % 2 == 1).toList();
            return new Accuracy(name()).compute(odd);
        }
    }

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

    /** "truth" with its own metric; --option subset=odd is what the recipe must carry back. */
    TaskRegistry registry() {
        return new TaskRegistry().register("truth", p -> {
            builds.incrementAndGet();
            if (!"odd".equals(p.options().get("subset"))) throw new InvalidInputException("truth needs --option subset=odd");
            Task t = TestTasks.task(N);
            return new Task(t.name(), t.version(), t.dataset(), t.solver(), t.scorer(),
                    List.of(new Accuracy(), new OddAccuracy()), t.config());
        });
    }

    static TaskParams params(String subset) {
        return new TaskParams(Path.of("relative/truth.jsonl"), null, 3L, null, null, List.of(), null, Map.of("subset", subset));
    }

    String run(String shard, TaskParams params) {
        RunOptions.Builder o = RunOptions.builder(dir.resolve("runs")).seed(3L).epochs(2).autoResume(false)
                .task(TaskRebuild.recipe("truth", params));
        if (shard != null) o.shard(ShardSpec.parse(shard));
        Task task = registry().create("truth", params);
        return new EvalRunner(store, env(), null).run(task, TestTasks.endpoint(), new FakeClient(TestTasks::mostlyRight),
                o.build()).runId();
    }

    @Test
    void mergeComputesTheTasksOwnMetricExactlyAsTheUnshardedRun() {
        String whole = run(null, params("odd"));
        List<String> shards = new ArrayList<>();
        for (int k = 1; k <= 4; k++) shards.add(run(k + "/4", params("odd")));
        RunRecord merged = new RunMerge(store, env()).merge(shards,
                shard -> TaskRebuild.metrics(shard, registry()).metrics(), null, dir.resolve("runs"));
        RunRecord single = new RunReader(store).record(whole);
        assertThat(merged.tasks().get(0).metrics()).containsKey("odd_accuracy")
                .isEqualTo(single.tasks().get(0).metrics());
        assertThat(merged.manifest().scale().task().options()).containsEntry("subset", "odd");
        assertThat(merged.manifest().scale().task().data()).isEqualTo(Path.of("relative/truth.jsonl").toAbsolutePath().toString());
    }

    @Test
    void theRecipeIsReadBackFromTheStoredManifest() {
        String id = run("1/2", params("odd"));
        RunManifest m = new RunReader(store).record(id).manifest();
        assertThat(m.scale().task()).isEqualTo(TaskRebuild.recipe("truth", params("odd")));
        TaskRebuild.Result r = TaskRebuild.metrics(m, registry());
        assertThat(r.rebuilt()).isTrue();
        assertThat(r.metrics()).extracting(Metric::name).containsExactly("accuracy", "odd_accuracy");
    }

    @Test
    void aShardWithoutRecipeOrWhoseTaskCannotBeBuiltSaysWhy() {
        RunOptions o = RunOptions.builder(dir.resolve("runs")).seed(3L).autoResume(false).shard(ShardSpec.parse("1/2")).build();
        String old = new EvalRunner(store, env(), null).run(registry().create("truth", params("odd")), TestTasks.endpoint(),
                new FakeClient(TestTasks::mostlyRight), o).runId();
        TaskRebuild.Result none = TaskRebuild.metrics(new RunReader(store).record(old).manifest(), registry());
        assertThat(none.rebuilt()).isFalse();
        assertThat(none.problem()).contains("run " + old + " was stored before shard runs recorded how their task was built");

        RunManifest m = new RunReader(store).record(run("2/2", params("odd"))).manifest();
        TaskRebuild.Result broken = TaskRebuild.metrics(m, new TaskRegistry().register("truth", p -> {
            throw new InvalidInputException("no such file: truth.jsonl");
        }));
        assertThat(broken.problem()).contains("task truth cannot be built again here (no such file: truth.jsonl)");
        TaskRebuild.Result other = TaskRebuild.metrics(m, new TaskRegistry().register("truth", p -> TestTasks.task(N)));
        assertThat(other.problem()).contains("has metrics [accuracy], the shards recorded [accuracy, odd_accuracy]");
    }

    @Test
    void shardsBuiltWithOtherTaskParametersAreRefused() {
        String a = run("1/2", params("odd"));
        String b = run("2/2", new TaskParams(Path.of("elsewhere/truth.jsonl"), null, 3L, 5, null, List.of(), null,
                Map.of("subset", "odd")));
        assertThatThrownBy(() -> new RunMerge(store, env()).merge(List.of(a, b), List.of(new Accuracy()), null, dir.resolve("runs")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("differs").hasMessageContaining("task parameters");
    }
}
