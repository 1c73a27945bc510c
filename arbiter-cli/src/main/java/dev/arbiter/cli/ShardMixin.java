package dev.arbiter.cli;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.scale.ShardSpec;
import picocli.CommandLine.Option;

import java.util.function.UnaryOperator;

/**
 * {@code --shard K/N}, or {@code --shards N} with the index from the job's environment (Kubernetes Indexed Job's
 * {@code JOB_COMPLETION_INDEX}, Slurm's {@code SLURM_ARRAY_TASK_ID}): this process evaluates one shard of the
 * selected samples; {@code ./arbiter merge} puts the shards together.
 */
public final class ShardMixin {
    /** Where the job's index is read; null means the process environment. Tests put their own here. */
    static UnaryOperator<String> environment = null;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Evaluate shard K of N (1 <= K <= N) of the selected samples, split by a stable hash of the sample id (all epochs of a sample together); ./arbiter merge joins the N runs.")
    String shard;

    @Option(names = "--shards", paramLabel = "N",
            description = "Evaluate one of N shards, the index taken from JOB_COMPLETION_INDEX (Kubernetes Indexed Job, 0-based) or SLURM_ARRAY_TASK_ID.")
    Integer shards;

    /** The shard this process evaluates, or null for all samples. */
    public ShardSpec spec() {
        if (shard != null && shards != null) {
            ShardSpec s = ShardSpec.parse(shard);
            if (s.count() != shards) throw new InvalidInputException("--shard " + shard + " and --shards " + shards + " disagree");
            return s;
        }
        if (shard != null) return ShardSpec.parse(shard);
        if (shards == null) return null;
        return ShardSpec.fromEnvironment(shards, environment != null ? environment : System::getenv);
    }
}
