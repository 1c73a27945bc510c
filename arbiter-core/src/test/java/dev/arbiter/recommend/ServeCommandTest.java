package dev.arbiter.recommend;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.CatalogLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServeCommandTest {
    private static final Catalog CATALOG = new CatalogLoader().bundled();

    private static FitOutcome on(String runtime, String quant, int gpus) {
        return new FitOutcome(true, quant, 1, 2, 10.0, "fits", runtime, gpus);
    }

    @Test
    void oneNodeIsServedTensorParallelOverAllItsGpus() {
        assertThat(ServeCommand.of(CATALOG.get("qwen2.5-72b"), on("vllm", "BF16", 8), 8192, true))
                .isEqualTo("vllm serve Qwen/Qwen2.5-72B-Instruct --tensor-parallel-size 8 --max-model-len 8192");
    }

    @Test
    void headsThatDoNotDivideAndSecondNodesBecomePipelineStagesAsTheFitAssumed() {
        // Qwen2.5-7B has 28 heads: 8 GPUs are TP 4 × PP 2; DeepSeek-V3 on 16 GPUs is TP 8 per node × 2 stages.
        assertThat(ServeCommand.of(CATALOG.get("qwen2.5-7b"), on("vllm", "BF16", 8), 8192, true))
                .contains("--tensor-parallel-size 4 --pipeline-parallel-size 2");
        assertThat(ServeCommand.of(CATALOG.get("deepseek-v3"), on("sglang", "FP8", 16), 8192, true))
                .contains("--tp 8 --pp-size 2");
    }
}
