package dev.arbiter.fit;

import dev.arbiter.catalog.Architecture;
import dev.arbiter.catalog.KnownArchitectures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FitCalculatorTest {
    private static final long GIB = 1L << 30;
    private static final HardwareCatalog HW = HardwareCatalog.bundled();
    private final FitCalculator calc = new FitCalculator();

    private static FitRequest req(Architecture a, long ctxLen, Quant q, long ctx, String hw, int gpus, Runtime rt) {
        return FitRequest.of("m", a, ctxLen, q, ctx, KvType.F16, hw == null ? null : HW.get(hw), gpus, rt, null, false);
    }

    @Test
    void qwen25_7bQ4KmOnAn4090AddsUpWeightsKvAndOverheadByHand() {
        // weights, tensor by tensor (GgufSizeTest): 1,247,877,120 B of Q6_K (output head; attn_v and ffn_down in 14 of
        // 28 layers) + 3,427,909,632 B of Q4_K + 1,333,248 B of F32 norms and biases = 4,677,120,000 B.
        // KV: 28 layers × 32768 × (2 × 4 × 128 × 2 B) = 1,879,048,192 B.
        // overhead: CUDA context 400 MiB = 419,430,400 + llama.cpp compute 4 × 512 × (152064 + 3584) = 318,767,104 → 738,197,504.
        // total 7,294,365,696 B = 6.79 GiB ≤ 24 GiB.
        FitResult r = calc.estimate(req(KnownArchitectures.qwen25_7b(), 131072, Quant.Q4_K_M, 32768, "rtx-4090", 1, null));
        assertThat(r.runtime()).isEqualTo(Runtime.LLAMA_CPP);
        assertThat(r.weightsBytes()).isEqualTo(4_677_120_000L);
        assertThat(r.kvCacheBytes()).isEqualTo(1_879_048_192L);
        assertThat(r.overheadBytes()).isEqualTo(738_197_504L);
        assertThat(r.totalBytes()).isEqualTo(7_294_365_696L);
        assertThat(r.fits()).isTrue();
    }

    @Test
    void qwen25_7bDecodeIsBytesOverEfficiencyTimesBandwidthPlusLlamaCppFixedCost() {
        // read per token: the GGUF file (4,677,120,000 B, tensor by tensor) less the input embedding table, Q4_K
        // 306,561,024 B, of which a lookup reads one row (2016 B) = 4,370,560,992 B; + KV 1,879,048,192 B = 6,249,609,184 B.
        // memory: 6,249,609,184 / (0.88 × 1008e9) = 7.0455 ms; llama.cpp fixed: 1.28 ms + 28 layers × 23 µs = 1.924 ms.
        // 1000 / 8.9695 = 111.49 tokens/s (the 4.8944-bpw average of Llama-3.1-8B gave 4,325,804,788 B and 112.12).
        // prefill: 165.2e12 × 0.5 / (2 × 7,615,616,512) = 5,423 tokens/s.
        FitResult r = calc.estimate(req(KnownArchitectures.qwen25_7b(), 131072, Quant.Q4_K_M, 32768, "rtx-4090", 1, null));
        assertThat(r.decode().bytesPerDevice()).isEqualTo(6_249_609_184L);
        assertThat(r.decodeTokensPerS()).isCloseTo(111.49, within(0.01));
        assertThat(r.decode().memoryMs()).isCloseTo(7.0455, within(0.0001));
        assertThat(r.decode().fixedMs()).isCloseTo(1.924, within(1e-9));
        assertThat(r.decode().parallelism()).isEqualTo("single");
        assertThat(r.prefillTokensPerS()).isCloseTo(5423.07, within(0.01));
    }

    @Test
    void aTiedEmbeddingIsReadWholeAsTheHeadSoDecodeReadsTheWholeGgufFile() {
        // Gemma 3 1B Q4_K_M: the tied embedding (262144 × 1152; Q8_0 as the head, 1152 not being a multiple of 256) is read whole every token, so the
        // whole file is read (plus the one row the input lookup takes): 799.2 MB. The 4.8944-bpw average read 0.57 GiB,
        // 23 % less.
        Architecture a = new dev.arbiter.catalog.CatalogLoader().bundled().get("gemma-3-1b").architecture();
        FitResult r = calc.estimate(req(a, 32768, Quant.Q4_K_M, 4096, "rtx-4090", 1, null));
        long row = 1152 / 32 * 34;   // one Q8_0 row of 1152
        assertThat(r.gguf().readBytesPerToken()).isEqualTo(r.weightsBytes() + row);
        assertThat(r.gguf().readBytesPerToken() / 1e6).isCloseTo(799.2, within(0.1));
        assertThat(r.decode().bytesPerDevice()).isEqualTo(r.weightsBytes() + row + r.kvCacheBytes());
    }

    @Test
    void anUntiedModelReadsItsGgufFileLessTheInputEmbeddingTable() {
        // Qwen2.5-72B Q4_K_M: 47,408,... B of tensors less token_embd 700,710,912 B, plus one 4608-B row: 46.71 GB
        // (the 4.8944-bpw average gave 43.72 GB).
        FitResult r = calc.estimate(req(KnownArchitectures.qwen25_72b(), 131072, Quant.Q4_K_M, 8192, "h100-80gb", 1, Runtime.LLAMA_CPP));
        assertThat(r.gguf().readBytesPerToken()).isEqualTo(r.weightsBytes() - 700_710_912L + 4608L);
        assertThat(r.gguf().readBytesPerToken() / 1e9).isCloseTo(46.71, within(0.005));
        assertThat(r.decode().bytesPerDevice()).isEqualTo(r.gguf().readBytesPerToken() + r.kvCacheBytes());
    }

    @Test
    void aMixtureOfExpertsReadsOnlyItsChosenExpertsShareOfTheGgufExpertTensors() {
        // Llama 4 Scout: 16 routed experts, 1 chosen per token: the ffn_*_exps tensors are read at 1/16.
        Architecture a = KnownArchitectures.llama4Scout(0);
        dev.arbiter.fit.gguf.GgufSize s = dev.arbiter.fit.gguf.GgufSize.of(a, dev.arbiter.fit.gguf.GgufMix.Q4_K_M, false);
        double expected = s.textBytes() - s.tokenEmbdBytes() + (double) s.tokenEmbdBytes() / a.vocabSize()
                - s.routedExpertBytes() * 15.0 / 16;
        FitResult r = calc.estimate(req(a, 10_485_760, Quant.Q4_K_M, 8192, "h200", 1, Runtime.LLAMA_CPP));
        assertThat(r.gguf().readBytesPerToken()).isEqualTo((long) Math.ceil(expected));
        assertThat(s.routedExpertBytes()).isGreaterThan(s.textBytes() / 2);
    }

    @Test
    void maxContextIsCappedAtTheModelsContextLength() {
        // Free after weights and overhead: 24 GiB − 4,677,120,000 − 738,197,504 → 354,953 tokens at 57,344 B each,
        // more than Qwen2.5-7B's 131072.
        FitResult r = calc.estimate(req(KnownArchitectures.qwen25_7b(), 131072, Quant.Q4_K_M, 32768, "rtx-4090", 1, null));
        assertThat(r.maxContext()).isEqualTo(131072);
    }

    @Test
    void maxContextIsTheLargestThatFitsWhenMemoryIsTheLimit() {
        // 8 GiB custom GPU: (8,589,934,592 − 4,677,120,000 − 738,197,504) / 57,344 = 55,360.6 → 55,360 tokens.
        FitRequest q = FitRequest.of("m", KnownArchitectures.qwen25_7b(), 131072, Quant.Q4_K_M, 4096, KvType.F16,
                Hardware.custom(8, 448, null), 1, null, null, false);
        assertThat(calc.estimate(q).maxContext()).isEqualTo(55_360);
    }

    @Test
    void bestQuantIsTheHighestPrecisionThatFits() {
        // 8 GiB, 8192 tokens (KV 469,762,048 B, overhead 738,197,504 B):
        // Q8_0 8,092,571,648 B → 9.30e9 > 8.59e9; Q6_K 6,248,245,248 B → 7.46e9 fits.
        FitRequest q = FitRequest.of("m", KnownArchitectures.qwen25_7b(), 131072, Quant.Q8_0, 8192, KvType.F16,
                Hardware.custom(8, 448, null), 1, null, null, false);
        FitResult r = calc.estimate(q);
        assertThat(r.fits()).isFalse();
        assertThat(r.bestQuant()).isEqualTo(Quant.Q6_K);
    }

    @Test
    void partialOffloadPutsAsManyLayersOnTheGpuAsFitAndSlowsDecodeToTheCpuSide() {
        // Qwen2.5-7B F16 on an 8 GiB, 500 GB/s custom GPU at 8192 tokens (llama.cpp), each layer from the GGUF file:
        // output layer: head 152064 × 3584 × 2 B = 1,089,994,752 + output_norm 3584 × 4 B → 1,090,009,088 B.
        // a block: q and o 2 × 25,690,112 + k and v 2 × 3,670,016 + gate, up, down 3 × 135,790,592 (F16)
        //   + norms 2 × 3584 × 4 + q/k/v biases 4608 × 4 (F32) = 466,139,136 B; its KV 8192 × 2048 = 16,777,216 → 482,916,352.
        // budget 8,589,934,592 − 738,197,504 = 7,851,737,088; − output layer = 6,761,728,000 → 14 blocks (14.002):
        // -ngl 15 = output layer + blocks 14–27 = 7,850,838,016 B; 14 blocks on the CPU.
        // decode: GPU 7,850,838,016 / (0.88 × 500e9) = 17.8428 ms; CPU 14 × 482,916,352 + one embedding row 7168 B
        //   = 6,760,836,096 / (0.6 × 76.8e9) = 146.7196 ms; PCIe 2 × 3584 × 4 B / 32e9 = 0.0009 ms; llama.cpp fixed 1.924 ms
        //   → 166.487 ms → 6.007 tokens/s.
        FitRequest q = FitRequest.of("m", KnownArchitectures.qwen25_7b(), 131072, Quant.F16, 8192, KvType.F16,
                Hardware.custom(8, 500, null), 1, Runtime.LLAMA_CPP, null, false);
        FitResult r = calc.estimate(q);
        assertThat(r.fits()).isFalse();
        assertThat(r.decodeTokensPerS()).isNull();
        assertThat(r.offload().gpuLayers()).isEqualTo(15);
        assertThat(r.offload().gpuBlocks()).isEqualTo(14);
        assertThat(r.offload().cpuLayers()).isEqualTo(14);
        assertThat(r.offload().gpuBytes()).isEqualTo(7_850_838_016L);
        assertThat(r.offload().decodeTokensPerS()).isCloseTo(6.007, within(0.001));
        assertThat(r.decode().parallelism()).isEqualTo("offload");
        assertThat(r.decode().cpuMs()).isCloseTo(146.7196, within(0.001));
    }

    @Test
    void partialOffloadSizesEachLayerFromTheGgufFileAndKeepsOnlyWhatFits() {
        // Qwen2.5-72B Q4_K_M on one RTX 4090 (23.65 GiB as CUDA reports it = 25,393,994,137 B), 8192 tokens. The 40
        // use_more_bits blocks are 617,062,400 B, the others 525,115,392 B (GgufSizeTest); the 4.8944-bpw average put
        // -ngl 43 here (24.87 GiB with KV and overhead, more than even 24 GiB).
        // overhead 400 MiB + 4 × 512 × (152064 + 8192) = 747,634,688 B → 24,646,359,449 B for layers;
        // KV 8192 × 2048 × 2 B = 33,554,432 B a block.
        // output layer: head Q6_K 32 × 210 × 152064 = 1,021,870,080 + norm 32,768 = 1,021,902,848 B.
        // -ngl 39 = output layer + blocks 42–79 (20 use_more_bits, 18 not): 1,021,902,848 + 20 × 617,062,400
        //   + 18 × 525,115,392 + 38 × 33,554,432 = 24,090,296,320 B ≤ 24,646,359,449.
        // -ngl 40 would add block 41 (not use_more_bits): + 558,669,824 = 24,648,966,144 B > 24,646,359,449 (by 2.6 MB;
        // it would fit the 24 GiB the profile used to claim).
        FitResult r = calc.estimate(req(KnownArchitectures.qwen25_72b(), 131072, Quant.Q4_K_M, 8192, "rtx-4090", 1, null));
        assertThat(r.fits()).isFalse();
        assertThat(r.offload().gpuLayers()).isEqualTo(39);
        assertThat(r.offload().gpuBlocks()).isEqualTo(38);
        assertThat(r.offload().cpuLayers()).isEqualTo(42);
        assertThat(r.offload().gpuBytes()).isEqualTo(24_090_296_320L);
        assertThat(r.offload().gpuBytes() + r.overheadBytes()).isLessThanOrEqualTo(r.usableBytesPerGpu());
        assertThat(r.offload().gpuBytes() + 525_115_392L + 33_554_432L + r.overheadBytes()).isGreaterThan(r.usableBytesPerGpu());
        // what stays in RAM: token_embd (Q4_K, 32 × 144 × 152064 = 700,710,912) + blocks 0–41 and their KV
        assertThat(r.offload().cpuBytes() + r.offload().gpuBytes())
                .isEqualTo(r.weightsBytes() + r.kvCacheBytes());
    }

    @Test
    void gemma3_27bFitsA4090AtQ4KmThanksToItsSlidingWindow() {
        // 27B-class text stack at 4.8944 bpw ≈ 15.6 GiB; KV at 32768 with llama.cpp's SWA cache 3,338,665,984 B (3.1 GiB)
        // — with full attention in all 62 layers it would be 15.5 GiB and would not fit.
        FitResult r = calc.estimate(req(KnownArchitectures.gemma3_27b(), 131072, Quant.Q4_K_M, 32768, "rtx-4090", 1, null));
        assertThat(r.kvCacheBytes()).isEqualTo(3_338_665_984L);
        assertThat(r.fits()).isTrue();
        FitRequest full = FitRequest.of("m", KnownArchitectures.gemma3_27b(), 131072, Quant.Q4_K_M, 32768, KvType.F16,
                HW.get("rtx-4090"), 1, null, null, true);
        assertThat(calc.estimate(full).fits()).isFalse();
    }

    @Test
    void eightH100sDoNotHoldDeepSeekV3InFp8() {
        // weights: (671,026,404,352 − 1,853,358,080) × 1 B + 1,853,358,080 × 2 B (embeddings/head kept BF16)
        //   = 672,879,762,432 B; ÷ 8 = 84,109,970,304 B = 78.3 GiB per GPU.
        // vLLM's default gpu_memory_utilization leaves 0.9 × 80 GiB = 72 GiB per GPU → no context fits.
        // (Weights alone, 626.7 GiB, are under 8 × 80 GiB = 640 GiB; it is the runtime reserve, the CUDA context, the
        // activations and the MLA latent cache — replicated on each rank — that push it over.)
        FitResult r = calc.estimate(req(KnownArchitectures.deepseekV3(), 131072, Quant.FP8, 8192, "h100-80gb", 8, null));
        assertThat(r.runtime()).isEqualTo(Runtime.SGLANG);  // MLA model: SGLang by default; it reserves memory as vLLM does
        assertThat(r.weightsBytes()).isEqualTo(672_879_762_432L);
        assertThat(r.fits()).isFalse();
        assertThat(r.maxContext()).isZero();
    }

    @Test
    void eightH200sHoldDeepSeekV3InFp8() {
        FitResult r = calc.estimate(req(KnownArchitectures.deepseekV3(), 131072, Quant.FP8, 32768, "h200", 8, null));
        assertThat(r.fits()).isTrue();
        // MLA latent replicated on each of the 8 ranks: 8 × 2,302,672,896 B.
        assertThat(r.kvCacheBytes()).isEqualTo(8L * 2_302_672_896L);
    }

    @Test
    void a32GbCardDoesNotRunLlama4ScoutAtInt4() {
        // (107,769,861,120 − 2,068,971,520) × 4.15625 / 8 + 2,068,971,520 × 2 = 59,052,858,340 B = 55.0 GiB > 28.2 GiB usable.
        FitResult r = calc.estimate(req(KnownArchitectures.llama4Scout(0), 10_485_760, Quant.INT4, 8192, "rtx-5090", 1, null));
        assertThat(r.weightsBytes()).isEqualTo(59_052_858_340L);
        assertThat(r.fits()).isFalse();
        assertThat(r.maxContext()).isZero();
    }

    @Test
    void llama4ScoutAtInt4FitsOneH100AtModestContext() {
        // With the vision encoder (109e9 − 107,769,861,120 = 1,230,138,880 params at 16 bit): weights 61,513,136,100 B
        // (4.15625 bpw; 62,751,818,400 at the former 4.25, 1.15 GiB more).
        // KV at 32768: 12 × 32768 × 4096 + 36 × 8192 × 4096 = 2,818,572,288 B; overhead 400 MiB + 1 GiB.
        // total 65,824,880,612 B = 61.3 GiB ≤ 71.19 GiB (0.9 × the 79.10 GiB CUDA reports). Meta: "fits on a single H100
        // GPU (with Int4 quantization)".
        // max context: (76,439,680,450 − 61,513,136,100 − 1,493,172,224 − 1,207,959,552) / (12 × 4096) = 248,726 tokens.
        FitResult r = calc.estimate(req(KnownArchitectures.llama4Scout(1_230_138_880L), 10_485_760, Quant.INT4, 32768, "h100-80gb", 1, null));
        assertThat(r.weightsBytes()).isEqualTo(61_513_136_100L);
        assertThat(r.kvCacheBytes()).isEqualTo(2_818_572_288L);
        assertThat(r.totalBytes()).isEqualTo(65_824_880_612L);
        assertThat(r.fits()).isTrue();
        assertThat(r.maxContext()).isEqualTo(248_726);
    }

    @Test
    void scoutDecodesFromItsActiveParametersNotItsTotal() {
        // read per token at INT4: active 17,172,894,720 − input table 1,034,485,760 − head 1,034,485,760
        //   = 15,103,923,200 body params × 4.15625/8 = 7,846,960,100 B; + head 1,034,485,760 × 2 B = 9,915,931,620 B;
        //   + KV 2,818,572,288 B → / (0.88 × 3350e9) = 4.3197 ms (a dense 109B would read ~5× more).
        // vLLM: 48 layers × 48 µs = 2.304 ms; 48 MoE layers × 1 routed expert × 21 µs = 1.008 ms → 7.632 ms → 131.03 tokens/s.
        FitResult r = calc.estimate(req(KnownArchitectures.llama4Scout(1_230_138_880L), 10_485_760, Quant.INT4, 32768, "h100-80gb", 1, null));
        assertThat(r.decodeTokensPerS()).isCloseTo(131.03, within(0.01));
        assertThat(r.decode().moeMs()).isCloseTo(1.008, within(1e-9));
    }

    @Test
    void layerSplitAddsMemoryButNotDecodeSpeedAndEachExtraGpuAddsAHop() {
        FitResult one = calc.estimate(req(KnownArchitectures.qwen25_7b(), 131072, Quant.Q4_K_M, 32768, "rtx-3090", 1, Runtime.LLAMA_CPP));
        FitResult two = calc.estimate(req(KnownArchitectures.qwen25_7b(), 131072, Quant.Q4_K_M, 32768, "rtx-3090", 2, Runtime.LLAMA_CPP));
        assertThat(two.perGpuBytes()).isLessThan(one.perGpuBytes());
        assertThat(two.overheadBytes()).isEqualTo(2 * one.overheadBytes());
        assertThat(two.decode().parallelism()).isEqualTo("layer-split");
        assertThat(two.decode().millisPerToken() - one.decode().millisPerToken()).isCloseTo(FitConstants.LAYER_SPLIT_HOP_MS, within(1e-9));
    }

    @Test
    void eightGpusAreNotTwiceAsFastAsFourBecauseEveryLayerWaitsForTwoAllReduces() {
        // Mistral Large 2 BF16 on H100 (vLLM): measured 33.55 → 47.99 tok/s from TP4 to TP8 (1.43×; speed-calibration.yaml).
        FitResult four = calc.estimate(FitRequest.of("m", mistralLarge(), 131072, Quant.BF16, 8192, KvType.F16, HW.get("h100-80gb"), 4, null, null, false));
        FitResult eight = calc.estimate(FitRequest.of("m", mistralLarge(), 131072, Quant.BF16, 8192, KvType.F16, HW.get("h100-80gb"), 8, null, null, false));
        assertThat(eight.runtime()).isEqualTo(Runtime.VLLM);  // 16-bit on several data-centre GPUs: tensor parallel by default
        assertThat(eight.decode().allReduces()).isEqualTo(2 * 88 + 1);
        // one all-reduce: 20 µs + 2·7/8 × 24,576 B / 450e9 B/s = 20.0956 µs
        assertThat(eight.decode().allReduceUs()).isCloseTo(20.0956, within(0.0001));
        double speedUp = eight.decodeTokensPerS() / four.decodeTokensPerS();
        assertThat(speedUp).isBetween(1.3, 1.8);
    }

    @Test
    void allReducesOverPcieCostMoreThanOverNvlink() {
        Hardware nvlink = HW.get("a100-80gb");
        Hardware pcie = new Hardware("a100-pcie", "A100 over PCIe", HardwareKind.GPU, 80, 2039, 312.0, Interconnect.PCIE,
                nvlink.decodeEfficiency(), null, null, null, true, "test", null);
        FitResult overNvlink = calc.estimate(FitRequest.of("m", mistralLarge(), 131072, Quant.BF16, 8192, KvType.F16, nvlink, 4, Runtime.VLLM, null, false));
        FitResult overPcie = calc.estimate(FitRequest.of("m", mistralLarge(), 131072, Quant.BF16, 8192, KvType.F16, pcie, 4, Runtime.VLLM, null, false));
        assertThat(overPcie.decode().communicationMs()).isGreaterThan(1.5 * overNvlink.decode().communicationMs());
        assertThat(overPcie.decodeTokensPerS()).isLessThan(overNvlink.decodeTokensPerS());
        assertThat(overPcie.basis()).anyMatch(b -> b.contains("all-reduces") && b.contains("pcie"));
    }

    @Test
    void aSmallModelIsHeldBackByTheFixedPerTokenCostNotByBandwidth() {
        // Qwen2.5-7B at Q4_K_M reads ~4.4 GB; were bandwidth all, an H100 would be 3.3× a 4090 (3350 vs 1008 GB/s).
        FitResult h100 = calc.estimate(req(KnownArchitectures.qwen25_7b(), 131072, Quant.Q4_K_M, 512, "h100-80gb", 1, Runtime.LLAMA_CPP));
        FitResult rtx4090 = calc.estimate(req(KnownArchitectures.qwen25_7b(), 131072, Quant.Q4_K_M, 512, "rtx-4090", 1, Runtime.LLAMA_CPP));
        assertThat(h100.decodeTokensPerS() / rtx4090.decodeTokensPerS()).isLessThan(2.2);
        assertThat(h100.decode().fixedMs()).isGreaterThan(h100.decode().memoryMs() * 0.8);
    }

    @Test
    void deepSeekV3InFp8OnEightH200sLandsNearThePublishedSglangSpeedNotTheBandwidthBound() {
        // SGLang PRs #2643 / #3582 report 30.3 and 43.8 tok/s at batch 1; active bytes over 8 × 4.8 TB/s would allow ~600.
        FitResult r = calc.estimate(req(KnownArchitectures.deepseekV3(), 131072, Quant.FP8, 4096, "h200", 8, null));
        assertThat(r.runtime()).isEqualTo(Runtime.SGLANG);
        assertThat(r.decodeTokensPerS()).isBetween(30.0, 44.0);
        assertThat(r.decode().moeMs()).isGreaterThan(r.decode().memoryMs());
    }

    @Test
    void sixteenGpusAreTwoNodesOfTensorParallelJoinedByAPipelineHopAndTheDecodeTermsAddUp() {
        FitResult r = calc.estimate(req(KnownArchitectures.deepseekV3(), 131072, Quant.FP8, 4096, "h100-80gb", 16, null));
        DecodeEstimate d = r.decode();
        assertThat(d.plan()).isEqualTo(new ParallelPlan(8, 2, false));
        assertThat(d.parallelism()).isEqualTo("pipeline");
        assertThat(d.hopMs()).isCloseTo(FitConstants.PIPELINE_HOP_MS + FitConstants.INTER_NODE_HOP_MS, within(1e-12));
        assertThat(d.allReduces()).isEqualTo(2 * 61 + 1);  // within each stage's 8 GPUs, never across the nodes
        assertThat(d.memoryMs() + d.fixedMs() + d.communicationMs() + d.moeMs() + d.cpuMs()).isCloseTo(d.millisPerToken(), within(1e-9));
        assertThat(r.basis()).anyMatch(b -> b.contains("2 nodes are joined by pipeline hops"));
        assertThat(r.basis()).anyMatch(b -> b.startsWith("decode (pipeline, batch 1, TP 8 × PP 2)") && b.contains("stage times add up")
                && b.contains("MoE routing: 58 MoE layers × 8 routed experts"));
        // The pipeline adds a hop and no bandwidth: one token is no faster than on one node's 8 GPUs (H200, where it fits).
        FitResult oneNode = calc.estimate(req(KnownArchitectures.deepseekV3(), 131072, Quant.FP8, 4096, "h200", 8, null));
        assertThat(oneNode.decode().plan()).isEqualTo(new ParallelPlan(8, 1, false));
    }

    @Test
    void expertParallelReadsMoreOnTheBusiestGpuAndTradesTheMoeAllReducesForAllToAlls() {
        FitRequest tp = req(KnownArchitectures.deepseekV3(), 131072, Quant.FP8, 4096, "h200", 8, null);
        FitResult sliced = calc.estimate(tp);
        FitResult whole = calc.estimate(tp.withExpertParallel(true));
        DecodeEstimate s = sliced.decode();
        DecodeEstimate w = whole.decode();
        assertThat(w.parallelism()).isEqualTo("expert-parallel");
        assertThat(s.expertsOnBusiest()).isEqualTo(1.0);  // 8 experts sliced 8 ways
        assertThat(w.expertsOnBusiest()).isBetween(2.0, 3.5);  // 8 of 256 experts, 32 per GPU: the busiest holds ~2.6
        assertThat(w.bytesPerDevice()).isGreaterThan(s.bytesPerDevice());
        assertThat(w.allReduces()).isEqualTo(s.allReduces() - 58);
        assertThat(w.allToAlls()).isEqualTo(2 * 58);
        assertThat(w.tokensPerS()).isLessThan(s.tokensPerS());  // at batch 1 expert parallelism does not pay
        assertThat(whole.basis()).anyMatch(b -> b.contains("EP 8") && b.contains("all-to-alls") && b.contains("expected maximum"));
        assertThat(whole.perGpuBytes()).isEqualTo(sliced.perGpuBytes());  // the same weights, differently placed
    }

    @Test
    void headsThatDoNotDivideAmongAllTheGpusLeaveTheRestToPipelineStages() {
        // Qwen2.5-7B has 28 attention heads: vLLM cannot run TP 8, so 8 GPUs are TP 4 × PP 2.
        FitResult r = calc.estimate(req(KnownArchitectures.qwen25_7b(), 131072, Quant.BF16, 4096, "h100-80gb", 8, Runtime.VLLM));
        assertThat(r.decode().plan()).isEqualTo(new ParallelPlan(4, 2, false));
        assertThat(r.decode().hopMs()).isCloseTo(FitConstants.PIPELINE_HOP_MS, within(1e-12));
        assertThat(r.basis()).anyMatch(b -> b.contains("28 attention heads divide among at most 4 GPUs"));
        FitResult four = calc.estimate(req(KnownArchitectures.qwen25_7b(), 131072, Quant.BF16, 4096, "h100-80gb", 4, Runtime.VLLM));
        assertThat(r.decodeTokensPerS()).isLessThan(four.decodeTokensPerS());  // the second stage adds a hop, no speed
    }

    private static Architecture mistralLarge() {
        return new Architecture(88, 12288, 96, 8, 128, 32768, false, 28672, false, null, null, null, 0, null,
                "https://huggingface.co/mistralai/Mistral-Large-Instruct-2407/blob/main/config.json");
    }

    @Test
    void withoutHardwareOnlyMemoryIsEstimated() {
        FitResult r = calc.estimate(req(KnownArchitectures.qwen25_7b(), 131072, Quant.Q4_K_M, 32768, null, 1, null));
        assertThat(r.totalBytes()).isEqualTo(r.weightsBytes() + r.kvCacheBytes() + r.overheadBytes());
        assertThat(r.overheadBytes()).isEqualTo(318_767_104L);  // compute buffer only: no device, no CUDA context
        assertThat(r.fits()).isNull();
        assertThat(r.maxContext()).isNull();
        assertThat(r.decodeTokensPerS()).isNull();
    }

    @Test
    void everyResultSaysWhereItsFiguresComeFrom() {
        FitResult r = calc.estimate(req(KnownArchitectures.gemma3_27b(), 131072, Quant.Q4_K_M, 32768, "m4-max-128gb", 1, null));
        assertThat(r.basis()).anyMatch(b -> b.startsWith("weights:") && b.contains("llama_tensor_get_type"))
                .anyMatch(b -> b.startsWith("KV cache:") && b.contains("sliding"))
                .anyMatch(b -> b.startsWith("overhead:"))
                .anyMatch(b -> b.startsWith("usable:") && b.contains("working-set"))
                .anyMatch(b -> b.startsWith("runtime: llama.cpp (default"))
                .anyMatch(b -> b.startsWith("decode (single, batch 1):") && b.contains("engine") && b.contains("tokens/s"));
    }

    @Test
    void anH100OffersVllmTheMemoryCudaReportsNotItsMarketingSize() {
        // vLLM logs total_gpu_memory = 79.10 GiB on an H100 80GB HBM3 (vllm-project/vllm PR #10927): at
        // gpu_memory_utilization 0.90 it may use 71.19 GiB, not 0.9 × 80 = 72. Qwen2.5-72B FP8 at 1280 tokens needs
        // 71.81 GiB a GPU: it was reported to fit (71.81 of 72.00) and does not.
        FitResult r = calc.estimate(req(KnownArchitectures.qwen25_72b(), 131072, Quant.FP8, 1280, "h100-80gb", 1, null));
        assertThat(r.usableBytesPerGpu()).isEqualTo((long) (0.9 * (long) (79.10 * GIB)));
        assertThat(r.perGpuBytes() / (double) GIB).isCloseTo(71.81, within(0.01));
        assertThat(r.fits()).isFalse();
    }

    @Test
    void llama4OnVllmModelsTheHybridKvCacheManagersDefaultAndStatesTheOtherSetting() {
        // vLLM's VLLM_ALLOW_CHUNKED_LOCAL_ATTN_WITH_HYBRID_KV_CACHE defaults to "1" (vllm-project/vllm#29627; #46553, to
        // restore "0", closed unmerged): the 36 chunked layers of Scout hold one 8192-token chunk. KV at 32768:
        // 12 × 32768 × 4096 + 36 × 8192 × 4096 = 2,818,572,288 B (2.63 GiB). With "0" (the default from #21761) all 48
        // layers hold the whole context: 48 × 32768 × 4096 = 6,442,450,944 B (6.00 GiB), and the basis says so.
        FitResult r = calc.estimate(req(KnownArchitectures.llama4Scout(1_230_138_880L), 10_485_760, Quant.INT4, 32768, "h100-80gb", 1, null));
        assertThat(r.runtime()).isEqualTo(Runtime.VLLM);
        assertThat(r.kvCacheBytes()).isEqualTo(2_818_572_288L);
        assertThat(r.basis()).anyMatch(b -> b.startsWith("KV cache:") && b.contains("VLLM_ALLOW_CHUNKED_LOCAL_ATTN_WITH_HYBRID_KV_CACHE=1")
                && b.contains("set to 0") && b.contains("all 48 layers hold the whole context: 6.00 GiB, not 2.63 GiB"));
        // not said for llama.cpp, whose SWA cache is its own
        FitResult cpp = calc.estimate(req(KnownArchitectures.llama4Scout(0), 10_485_760, Quant.Q4_K_M, 32768, "h200", 1, null));
        assertThat(cpp.basis()).noneMatch(b -> b.contains("VLLM_ALLOW_CHUNKED"));
    }
}
