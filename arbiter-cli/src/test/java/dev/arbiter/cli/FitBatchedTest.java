package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** fit's single-stream estimate extended with batched decode: tokens/s at batch 1, 8, 32, 64 and the largest batch, with its basis. */
class FitBatchedTest {
    @TempDir Path dir;

    @Test
    void fitShowsAggregateTokensPerSecondByBatchSizeAndStatesTheModel() {
        String store = dir.resolve("a.db").toString();
        CliRun t = CliRun.of("fit", "qwen2.5-7b", "--quant", "BF16", "--runtime", "vllm", "--context", "4096", "--hardware", "h100-80gb", "--store", store);
        assertThat(t.exit()).as(t.err()).isZero();
        assertThat(t.out()).contains("  batched     1 → ").contains(", 8 → ").contains(", 32 → ").contains(", 64 → ")
                .contains("every sequence at 4,096 tokens").contains("- batched decode: step(B) = max(memory, compute)")
                .contains("- largest batch: ");
        CliRun j = CliRun.of("fit", "qwen2.5-7b", "--quant", "BF16", "--runtime", "vllm", "--context", "4096", "--hardware", "h100-80gb",
                "--store", store, "--format", "json");
        JsonNode b = j.json().path("batched");
        assertThat(b.path("points").get(0).path("batch").asInt()).isEqualTo(1);
        // batch 1 is fit's own single-stream estimate
        assertThat(b.path("points").get(0).path("tokens_per_s").asDouble())
                .isCloseTo(j.json().path("decode_tokens_per_s").asDouble(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(b.path("points").get(3).path("tokens_per_s").asDouble()).isGreaterThan(10 * b.path("points").get(0).path("tokens_per_s").asDouble());
        assertThat(b.path("max_batch").asInt()).isGreaterThan(64);
    }

    @Test
    void anOffloadedModelHasNoBatchTable() {
        CliRun j = CliRun.of("fit", "qwen2.5-72b", "--quant", "Q4_K_M", "--hardware", "rtx-4090", "--store", dir.resolve("a.db").toString(), "--format", "json");
        assertThat(j.exit()).as(j.err()).isZero();
        assertThat(j.json().has("batched")).isFalse();
    }
}
