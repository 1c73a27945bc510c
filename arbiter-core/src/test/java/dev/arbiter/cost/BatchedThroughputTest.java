package dev.arbiter.cost;

import dev.arbiter.catalog.CatalogLoader;
import dev.arbiter.catalog.Model;
import dev.arbiter.fit.FitRequest;
import dev.arbiter.fit.HardwareCatalog;
import dev.arbiter.fit.KvType;
import dev.arbiter.fit.Quant;
import dev.arbiter.fit.Runtime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BatchedThroughputTest {
    private static final HardwareCatalog HW = HardwareCatalog.bundled();

    static BatchedThroughput model(String id, Quant q, String hw, int gpus, Runtime rt, Workload w) {
        Model m = new CatalogLoader().bundled().get(id);
        FitRequest r = FitRequest.of(m.id(), m.architecture(), m.contextLength(), q, w.finalContext(), KvType.F16, HW.get(hw), gpus, rt, null, false);
        return BatchedThroughput.of(r, w).model();
    }

    @Test
    void atBatchOneTheStepIsFitsSingleStreamDecode() {
        BatchedThroughput m = model("qwen2.5-7b", Quant.BF16, "h100-80gb", 1, Runtime.VLLM, Workload.DEFAULT);
        assertThat(m.stepMs(1)).isCloseTo(m.singleStream().millisPerToken(), within(1e-9));
        assertThat(m.point(1).bound()).isEqualTo("memory");
    }

    @Test
    void batchingMultipliesThroughputWhileWeightsDominateThenComputeBounds() {
        BatchedThroughput m = model("qwen2.5-7b", Quant.BF16, "h100-80gb", 1, Runtime.VLLM, Workload.DEFAULT);
        BatchPoint b1 = m.point(1);
        BatchPoint b8 = m.point(8);
        BatchPoint b64 = m.point(64);
        // the weights are read once per step: 8 sequences cost far less than 8 steps
        assertThat(b8.tokensPerS()).isGreaterThan(6 * b1.tokensPerS());
        assertThat(b8.perSequenceTokensPerS()).isLessThan(b1.perSequenceTokensPerS());
        assertThat(b64.tokensPerS()).isGreaterThan(b8.tokensPerS());
        assertThat(m.point(256).bound()).isEqualTo("compute");
    }

    @Test
    void aMixtureOfExpertsReadsMoreExpertsAsTheBatchGrows() {
        BatchedThroughput m = model("llama-4-scout", Quant.INT4, "h100-80gb", 1, Runtime.VLLM, Workload.DEFAULT);
        // one token reads 1 of 16 experts per layer; 32 tokens touch most of them: the step's memory time more than doubles
        assertThat(m.memoryMs(32)).isGreaterThan(2 * m.memoryMs(1));
        assertThat(m.point(32).tokensPerS()).isGreaterThan(m.point(1).tokensPerS());
    }

    @Test
    void theEstimateReportsBatchesOneToSixtyFourAndTheLargestThatFitsWithItsBasis() {
        ThroughputEstimate e = model("qwen2.5-7b", Quant.BF16, "h100-80gb", 1, Runtime.VLLM, Workload.DEFAULT).estimate(32);
        assertThat(e.points()).extracting(BatchPoint::batch).startsWith(1, 8, 32, 64);
        assertThat(e.points().get(e.points().size() - 1).batch()).isEqualTo(e.maxBatch());
        assertThat(e.concurrency()).isEqualTo(32);
        assertThat(e.basis()).anyMatch(b -> b.startsWith("batched decode: step(B) = max(memory, compute)"))
                .anyMatch(b -> b.startsWith("largest batch"));
    }

    /** The context-length variants batched throughput sizes keep every other choice: --expert-parallel was dropped. */
    @Test
    void theContextVariantsKeepEveryOtherChoiceOfTheRequest() {
        Model m = new CatalogLoader().bundled().get("deepseek-v3");
        FitRequest r = FitRequest.of(m.id(), m.architecture(), m.contextLength(), Quant.FP8, 8192, KvType.F16, HW.get("h100-80gb"), 8, null, null, false)
                .withExpertParallel(true).withImages(true);
        FitRequest at = BatchedThroughput.withContext(r, 2048);
        assertThat(at.context()).isEqualTo(2048);
        assertThat(at).isEqualTo(new FitRequest(r.modelId(), r.architecture(), r.contextLength(), r.quant(), 2048, r.kvType(),
                r.hardware(), r.gpus(), r.runtime(), r.cpuBandwidthGbs(), r.swaFull(), true, true));
    }

    @Test
    void aModelThatDoesNotFitHasNoThroughputAndSaysWhy() {
        Model m = new CatalogLoader().bundled().get("qwen2.5-72b");
        FitRequest r = FitRequest.of(m.id(), m.architecture(), m.contextLength(), Quant.BF16, 2048, KvType.F16, HW.get("h100-80gb"), 1, Runtime.VLLM, null, false);
        BatchedThroughput.Result res = BatchedThroughput.of(r, Workload.DEFAULT);
        assertThat(res.get()).isEmpty();
        assertThat(res.reason()).contains("does not fit");
    }

    @Test
    void underPipelineParallelismEachGpuHoldsOnlyItsStagesShareOfASequencesKv() {
        // Qwen2.5-7B BF16 on 8 H100s = TP 4 × PP 2 (28 heads do not divide by 8). One sequence at 8192 tokens:
        // 28 layers × 8192 × 2 × 4 KV heads × 128 × 2 B = 469,762,048 B (448 MiB); each stage holds 14 layers, and
        // within it the 4 KV heads divide among 4 GPUs: 56 MiB per GPU, as fit's memory counts it (was 112 MiB).
        Model m = new CatalogLoader().bundled().get("qwen2.5-7b");
        FitRequest r = FitRequest.of(m.id(), m.architecture(), m.contextLength(), Quant.BF16, 8192, KvType.F16, HW.get("h100-80gb"), 8, null, null, false);
        assertThat(BatchedThroughput.kvHeld(r, 8192)).isEqualTo(56.0 * (1 << 20));
        // the two stages read their halves in turn: a step reads the whole 448 MiB at one tensor group's speed
        assertThat(BatchedThroughput.kvRead(r, 8192)).isEqualTo(112.0 * (1 << 20));
    }

    @Test
    void theLargestBatchUnderPipelineParallelismIsFitsFreeMemoryOverOneStagesKv() {
        // DeepSeek-V3 FP8 on 16 H100s (TP 8 × PP 2), 32,768 tokens: the MLA latent is 61 layers × 32768 × 576 × 2 B
        // = 2,302,672,896 B (2196 MiB) a sequence; each stage holds its 30 or 31 layers' latent, replicated on its 8 GPUs:
        // 1098 MiB a GPU (fit's memory says the same). The batch was sized on 2196 MiB: 15 sequences instead of 29 (28 since
        // the H100's usable memory is the 79.10 GiB CUDA reports, not 80).
        Model m = new CatalogLoader().bundled().get("deepseek-v3");
        Workload w = new Workload(32768 - 256, 256);
        FitRequest r = FitRequest.of(m.id(), m.architecture(), m.contextLength(), Quant.FP8, 32768, KvType.F16, HW.get("h100-80gb"), 16, null, null, false);
        assertThat(BatchedThroughput.kvHeld(r, 32768)).isEqualTo(1098.0 * (1 << 20));
        BatchedThroughput b = BatchedThroughput.of(r, w).model();
        dev.arbiter.fit.FitResult fit = new dev.arbiter.fit.FitCalculator().estimateAtQuant(r);
        long free = fit.usableBytesPerGpu() - fit.perGpuBytes() + 1098L * (1 << 20);
        assertThat(b.maxBatch()).isEqualTo((int) (free / (1098L << 20)));
        assertThat(b.maxBatch()).isEqualTo(28);
    }
}
