package dev.arbiter.eval.scale;

import dev.arbiter.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardSpecTest {
    @Test
    void theShardOfAnIdIsFixedForeverBySha256() {
        // pinned: a change here would split a running job's samples differently on pods built from other versions
        int[] pinned = new int[6];
        for (int i = 0; i < 6; i++) pinned[i] = ShardSpec.shardOf("HumanEval/" + i, 4);
        assertThat(pinned).containsExactly(expected());
    }

    /** Computed independently: first 8 bytes of SHA-256("HumanEval/i") as unsigned, mod 4, plus 1. */
    private static int[] expected() {
        int[] out = new int[6];
        for (int i = 0; i < 6; i++) {
            try {
                byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(("HumanEval/" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                java.math.BigInteger first8 = new java.math.BigInteger(1, java.util.Arrays.copyOf(d, 8));
                out[i] = first8.mod(java.math.BigInteger.valueOf(4)).intValue() + 1;
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    @Test
    void everyIdIsInExactlyOneShardAndShardsAreBalanced() {
        int[] counts = new int[5];
        for (int i = 0; i < 10_000; i++) {
            String id = "sample-" + i;
            int owners = 0;
            for (int k = 1; k <= 5; k++) if (new ShardSpec(k, 5).contains(id)) { owners++; counts[k - 1]++; }
            assertThat(owners).isEqualTo(1);
        }
        for (int c : counts) assertThat(c).isBetween(1_850, 2_150);
    }

    @Test
    void parsesKOfNAndRefusesWhatIsNot() {
        assertThat(ShardSpec.parse("2/4")).isEqualTo(new ShardSpec(2, 4));
        assertThat(ShardSpec.parse(" 1/1 ").label()).isEqualTo("1/1");
        assertThatThrownBy(() -> ShardSpec.parse("0/4")).isInstanceOf(InvalidInputException.class).hasMessageContaining("1 <= K <= N");
        assertThatThrownBy(() -> ShardSpec.parse("5/4")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ShardSpec.parse("2of4")).isInstanceOf(InvalidInputException.class).hasMessageContaining("K/N");
    }

    @Test
    void theIndexComesFromKubernetesOrSlurm() {
        assertThat(ShardSpec.fromEnvironment(4, Map.of("JOB_COMPLETION_INDEX", "0")::get)).isEqualTo(new ShardSpec(1, 4));
        assertThat(ShardSpec.fromEnvironment(4, Map.of("SLURM_ARRAY_TASK_ID", "3")::get)).isEqualTo(new ShardSpec(4, 4));
        assertThat(ShardSpec.fromEnvironment(4, Map.of("SLURM_ARRAY_TASK_ID", "4", "SLURM_ARRAY_TASK_MIN", "1")::get))
                .isEqualTo(new ShardSpec(4, 4));
        assertThatThrownBy(() -> ShardSpec.fromEnvironment(4, Map.of("JOB_COMPLETION_INDEX", "4")::get))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ShardSpec.fromEnvironment(4, Map.<String, String>of()::get))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("JOB_COMPLETION_INDEX").hasMessageContaining("--shard K/4");
        assertThatThrownBy(() -> ShardSpec.fromEnvironment(4, Map.of("JOB_COMPLETION_INDEX", "x")::get))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("whole number");
    }
}
