package dev.arbiter.fit;

import dev.arbiter.catalog.KnownArchitectures;
import dev.arbiter.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FitRequestTest {
    private static final HardwareCatalog HW = HardwareCatalog.bundled();

    private static FitRequest req(Quant q, long ctx, String hw, int gpus, Runtime rt, KvType kv) {
        return FitRequest.of("qwen2.5-7b", KnownArchitectures.qwen25_7b(), 131072, q, ctx, kv, hw == null ? null : HW.get(hw), gpus, rt, null, false);
    }

    @Test
    void rejectsAZeroOrNegativeContext() {
        assertThatThrownBy(() -> req(Quant.Q4_K_M, 0, null, 1, null, KvType.F16))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("context must be > 0");
        assertThatThrownBy(() -> req(Quant.Q4_K_M, -5, null, 1, null, KvType.F16)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rejectsAContextBeyondTheModels() {
        assertThatThrownBy(() -> req(Quant.Q4_K_M, 200_000, null, 1, null, KvType.F16))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("exceeds qwen2.5-7b's context length of 131072");
    }

    @Test
    void refusesToPoolMacsOrPhones() {
        assertThatThrownBy(() -> req(Quant.Q4_K_M, 4096, "m4-max-128gb", 2, null, KvType.F16))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("only GPUs can be pooled");
        assertThatThrownBy(() -> req(Quant.Q4_K_M, 4096, "phone-8gb", 2, null, KvType.F16))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void picksVllmForCheckpointFormatsAndLlamaCppOtherwise() {
        assertThat(req(Quant.Q4_K_M, 4096, "h100-80gb", 1, null, KvType.F16).runtime()).isEqualTo(Runtime.LLAMA_CPP);
        assertThat(req(Quant.INT4, 4096, "h100-80gb", 1, null, KvType.F16).runtime()).isEqualTo(Runtime.VLLM);
        assertThat(req(Quant.BF16, 4096, "m2-ultra-192gb", 1, null, KvType.F16).runtime()).isEqualTo(Runtime.LLAMA_CPP);
        assertThat(req(Quant.BF16, 4096, "h100-80gb", 1, null, KvType.F16).runtime()).isEqualTo(Runtime.LLAMA_CPP);
    }

    @Test
    void sixteenBitWeightsOnSeveralDataCentreGpusDefaultToATensorParallelServer() {
        FitRequest eightH100 = FitRequest.of("mistral-large-2407", mistralLargeLike(), 131072, Quant.BF16, 4096, KvType.F16,
                HW.get("h100-80gb"), 8, null, null, false);
        assertThat(eightH100.runtime()).isEqualTo(Runtime.VLLM);
        assertThat(eightH100.runtimeBasis()).contains("default").contains("several data-centre GPUs");
        // consumer cards and one GPU stay on llama.cpp, which can split by layer and offload
        assertThat(req(Quant.BF16, 4096, "rtx-4090", 2, null, KvType.F16).runtime()).isEqualTo(Runtime.LLAMA_CPP);
        assertThat(req(Quant.BF16, 4096, "a100-80gb", 1, null, KvType.F16).runtime()).isEqualTo(Runtime.LLAMA_CPP);
        assertThat(req(Quant.BF16, 4096, "a100-80gb", 2, null, KvType.F16).runtime()).isEqualTo(Runtime.VLLM);
    }

    @Test
    void mlaModelsDefaultToSglangAndAnExplicitRuntimeIsSaidToBeRequested() {
        FitRequest ds = FitRequest.of("deepseek-v3", KnownArchitectures.deepseekV3(), 131072, Quant.FP8, 4096, KvType.F16,
                HW.get("h200"), 8, null, null, false);
        assertThat(ds.runtime()).isEqualTo(Runtime.SGLANG);
        assertThat(ds.runtimeBasis()).contains("SGLang for MLA models");
        FitRequest asked = FitRequest.of("deepseek-v3", KnownArchitectures.deepseekV3(), 131072, Quant.FP8, 4096, KvType.F16,
                HW.get("h200"), 8, Runtime.VLLM, null, false);
        assertThat(asked.runtimeBasis()).isEqualTo("runtime: vllm (as requested)");
    }

    private static dev.arbiter.catalog.Architecture mistralLargeLike() {
        return new dev.arbiter.catalog.Architecture(88, 12288, 96, 8, 128, 32768, false, 28672, false, null, null, null, 0, null,
                "https://huggingface.co/mistralai/Mistral-Large-Instruct-2407/blob/main/config.json");
    }

    @Test
    void rejectsFormatsAndCacheTypesTheRuntimeDoesNotHave() {
        assertThatThrownBy(() -> req(Quant.INT4, 4096, "rtx-4090", 1, Runtime.LLAMA_CPP, KvType.F16))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("safetensors checkpoint");
        assertThatThrownBy(() -> req(Quant.Q4_K_M, 4096, "rtx-4090", 1, Runtime.VLLM, KvType.F16))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("GGUF");
        assertThatThrownBy(() -> req(Quant.FP8, 4096, "rtx-4090", 1, null, KvType.Q8_0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not available in vllm");
        assertThatThrownBy(() -> req(Quant.INT4, 4096, "m4-max-128gb", 1, null, KvType.F16))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs CUDA/ROCm");
    }

    @Test
    void headsThatDoNotDivideAreServedTensorParallelWhereTheyDoAndPipelinedBeyond() {
        // Qwen2.5-7B has 28 attention heads: 8-way tensor parallelism is impossible, 4 × 2 pipeline stages is not.
        FitRequest r = req(Quant.BF16, 4096, "h100-80gb", 8, Runtime.VLLM, KvType.F16);
        assertThat(ParallelPlan.of(r)).isEqualTo(new ParallelPlan(4, 2, false));
        assertThat(ParallelPlan.tensorDegree(16, 64)).isEqualTo(8);  // never more than one node's GPUs
        assertThat(ParallelPlan.tensorDegree(6, 64)).isEqualTo(2);
        assertThat(ParallelPlan.tensorDegree(7, 64)).isEqualTo(1);
    }

    @Test
    void expertParallelismNeedsAnMoeModelSeveralGpusAndATensorParallelServer() {
        assertThatThrownBy(() -> req(Quant.BF16, 4096, "h100-80gb", 2, Runtime.VLLM, KvType.F16).withExpertParallel(true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("mixture-of-experts");
        FitRequest ds = FitRequest.of("deepseek-v3", KnownArchitectures.deepseekV3(), 131072, Quant.Q4_K_M, 4096, KvType.F16,
                HW.get("h100-80gb"), 8, null, null, false);
        assertThatThrownBy(() -> ds.withExpertParallel(true)).isInstanceOf(InvalidInputException.class).hasMessageContaining("splits by layer");
        FitRequest one = FitRequest.of("deepseek-v3", KnownArchitectures.deepseekV3(), 131072, Quant.FP8, 4096, KvType.F16,
                HW.get("h200"), 1, null, null, false);
        assertThatThrownBy(() -> one.withExpertParallel(true)).isInstanceOf(InvalidInputException.class).hasMessageContaining("several GPUs");
    }
}
