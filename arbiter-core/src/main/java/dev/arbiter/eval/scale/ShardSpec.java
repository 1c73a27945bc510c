package dev.arbiter.eval.scale;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Sample;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Shard {@code index} of {@code count} (1-based, as written on the command line: {@code --shard 2/4}). A sample
 * belongs to the shard whose number is the first 8 bytes of SHA-256 of its UTF-8 id, read as an unsigned number,
 * modulo {@code count}, plus one: the same on every machine, JVM and run, independent of the dataset's order. All
 * epochs of a sample go to its shard, so pass@k stays computable in each shard and in the merge.
 */
public record ShardSpec(int index, int count) {
    /** Kubernetes Indexed Jobs: the pod's completion index, 0-based. */
    public static final String K8S_INDEX_ENV = "JOB_COMPLETION_INDEX";
    /** Slurm job arrays: the task's id, counted from {@code SLURM_ARRAY_TASK_MIN} (0 when unset). */
    public static final String SLURM_INDEX_ENV = "SLURM_ARRAY_TASK_ID";
    public static final String SLURM_MIN_ENV = "SLURM_ARRAY_TASK_MIN";

    public ShardSpec {
        if (count < 1) throw new InvalidInputException("--shards must be >= 1, got " + count);
        if (index < 1 || index > count) {
            throw new InvalidInputException("--shard K/N needs 1 <= K <= N, got " + index + "/" + count);
        }
    }

    /** Parses {@code K/N} as given to {@code --shard}. */
    public static ShardSpec parse(String text) {
        String t = text == null ? "" : text.strip();
        int slash = t.indexOf('/');
        try {
            if (slash > 0) return new ShardSpec(Integer.parseInt(t.substring(0, slash)), Integer.parseInt(t.substring(slash + 1)));
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new InvalidInputException("--shard: expected K/N such as 2/4 (shard K of N, counted from 1), got '" + text + "'");
    }

    /**
     * The shard of this process among {@code count}, from the job's environment: {@code JOB_COMPLETION_INDEX}
     * (Kubernetes, 0-based) or else {@code SLURM_ARRAY_TASK_ID} (minus {@code SLURM_ARRAY_TASK_MIN}).
     */
    public static ShardSpec fromEnvironment(int count, UnaryOperator<String> env) {
        String k8s = env.apply(K8S_INDEX_ENV);
        if (k8s != null && !k8s.isBlank()) return new ShardSpec(envInt(K8S_INDEX_ENV, k8s) + 1, count);
        String slurm = env.apply(SLURM_INDEX_ENV);
        if (slurm != null && !slurm.isBlank()) {
            String min = env.apply(SLURM_MIN_ENV);
            int base = min == null || min.isBlank() ? 0 : envInt(SLURM_MIN_ENV, min);
            return new ShardSpec(envInt(SLURM_INDEX_ENV, slurm) - base + 1, count);
        }
        throw new InvalidInputException("--shards " + count + " takes this process's shard from " + K8S_INDEX_ENV
                + " (Kubernetes Indexed Job) or " + SLURM_INDEX_ENV + " (Slurm array), and neither is set; "
                + "give --shard K/" + count + " instead");
    }

    private static int envInt(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("environment variable " + name + ": expected a whole number, got '" + value + "'");
        }
    }

    /** The 1-based shard of {@code sampleId} among {@code count}. */
    public static int shardOf(String sampleId, int count) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sampleId.getBytes(StandardCharsets.UTF_8));
            long h = ByteBuffer.wrap(d, 0, 8).getLong();
            return (int) Long.remainderUnsigned(h, count) + 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean contains(String sampleId) {
        return shardOf(sampleId, count) == index;
    }

    /** The samples of this shard, in their given order. */
    public List<Sample> filter(List<Sample> samples) {
        return samples.stream().filter(s -> contains(s.id())).toList();
    }

    /** {@code K/N}. */
    public String label() {
        return index + "/" + count;
    }
}
