package dev.arbiter.eval.scale;

import dev.arbiter.client.ReplicaCount;

import java.util.List;

/**
 * How a run was spread out, recorded in its manifest ({@code scale}); null in a run on one endpoint, unsharded.
 *
 * @param shard      the shard this run evaluated; null when it evaluated every selected sample
 * @param selection  digest of the samples selected before sharding (ids, inputs, targets): shards of one evaluation
 *                   agree on it, so a merge can tell they drew the same questions
 * @param mergedFrom the shard runs this run was merged from, in shard order; null unless merged
 * @param replicas   per-replica counts when the run used several endpoints of one model; null otherwise
 * @param task       what the task was built from, so a merge can build it again for its metrics; null in a run that
 *                   is not a shard (or a shard stored before it was recorded)
 */
public record RunScale(ShardSpec shard, String selection, List<String> mergedFrom, List<ReplicaCount> replicas,
                       TaskRecipe task) {
    public RunScale {
        mergedFrom = mergedFrom == null ? null : List.copyOf(mergedFrom);
        replicas = replicas == null ? null : List.copyOf(replicas);
    }

    public RunScale(ShardSpec shard, String selection, List<String> mergedFrom, List<ReplicaCount> replicas) {
        this(shard, selection, mergedFrom, replicas, null);
    }

    public RunScale withReplicas(List<ReplicaCount> r) {
        return new RunScale(shard, selection, mergedFrom, r, task);
    }
}
