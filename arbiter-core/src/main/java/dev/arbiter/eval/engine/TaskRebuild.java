package dev.arbiter.eval.engine;

import dev.arbiter.error.ArbiterException;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.scale.TaskRecipe;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A shard run's task built again from the recipe its manifest records ({@code scale.task}), for the metrics a merge
 * computes: the task's own list (per-turn ratings, per-subject accuracy, instruction-level rates, pass@k…), computed
 * over all the shards' answers by the same code an unsharded run uses — never averaged from the shards' values. The
 * rebuild is refused, with the reason, when it would not be the task the shards ran: no recipe (a shard stored
 * before recipes were recorded), a task that cannot be built here (its dataset is missing), another task name or
 * version, another dataset (digest), or other metric names.
 */
public final class TaskRebuild {
    private TaskRebuild() {}

    /** The task's metrics, or (with an empty list) why they could not be rebuilt. */
    public record Result(List<Metric> metrics, String problem) {
        public Result {
            metrics = List.copyOf(metrics);
            if (problem != null && !metrics.isEmpty()) throw new IllegalArgumentException("a refused rebuild has no metrics");
        }

        public boolean rebuilt() { return problem == null; }

        static Result refused(String problem) { return new Result(List.of(), problem); }
    }

    /** What {@code eval --task name} built its task from, with the data path made absolute (a merge runs elsewhere). */
    public static TaskRecipe recipe(String name, TaskParams p) {
        String data = p.data() == null ? null : p.data().toAbsolutePath().normalize().toString();
        return new TaskRecipe(name, data, p.limit(), p.seed(), p.shots(), p.scorer(), p.subjects(), p.language(), p.options());
    }

    static TaskParams params(TaskRecipe r) {
        return new TaskParams(r.data() == null ? null : Path.of(r.data()), r.limit(), r.seed(), r.shots(), r.scorer(),
                r.subjects(), r.language(), r.options());
    }

    /** The metrics of {@code shard}'s task, built again through {@code registry} and checked to be that task. */
    public static Result metrics(RunManifest shard, TaskRegistry registry) {
        TaskRecipe r = shard.scale() == null ? null : shard.scale().task();
        if (r == null) {
            return Result.refused("run " + shard.runId() + " was stored before shard runs recorded how their task was built");
        }
        Task task;
        try {
            task = registry.create(r.name(), params(r));
        } catch (ArbiterException | UncheckedIOException e) {
            return Result.refused("task " + r.name() + " cannot be built again here (" + e.getMessage() + ")");
        }
        if (!task.name().equals(shard.task()) || task.version() != shard.taskVersion()) {
            return Result.refused("task " + r.name() + " builds " + task.name() + " version " + task.version()
                    + " here, the shards ran " + shard.task() + " version " + shard.taskVersion());
        }
        if (shard.datasetSha256() != null && !Objects.equals(shard.datasetSha256(), task.dataset().sha256())) {
            return Result.refused("the dataset at " + task.dataset().path() + " is not the one the shards read (sha256 "
                    + task.dataset().sha256() + ", the shards' " + shard.datasetSha256() + ")");
        }
        List<String> names = task.metrics().stream().map(Metric::name).toList();
        if (!names.equals(shard.metrics())) {
            return Result.refused("task " + r.name() + " built here has metrics " + names + ", the shards recorded "
                    + shard.metrics() + " (another dataset?)");
        }
        return new Result(task.metrics(), null);
    }
}
