package dev.arbiter.fit;

import dev.arbiter.catalog.KnownArchitectures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KvCacheTest {

    @Test
    void denseGqaModelCachesTwoKvHeadsPerLayerForEveryToken() {
        // Qwen2.5-7B: 2 × 4 kv heads × 128 = 1024 elements × 2 B = 2048 B per layer-token; × 28 layers × 32768 tokens.
        assertThat(KvCache.bytes(KnownArchitectures.qwen25_7b(), 32768, KvType.F16, Runtime.VLLM, false))
                .isEqualTo(28L * 32768 * 2048);  // 1,879,048,192 = 1.75 GiB
    }

    @Test
    void gemma3SlidingLayersHoldOnlyTheWindowWhenPaged() {
        // Gemma 3 27B: 62 layers, layer i global when (i+1) % 6 == 0 → layers 5, 11, …, 59 = 10 global, 52 sliding.
        // per layer-token 2 × 16 × 128 × 2 B = 8192 B. At 32768 tokens:
        //   10 × 32768 × 8192 = 2,684,354,560; 52 × 1024 × 8192 = 436,207,616; total 3,120,562,176 B (2.91 GiB).
        // The same model without sliding windows would need 62 × 32768 × 8192 = 16.6e9 B.
        assertThat(KvCache.bytes(KnownArchitectures.gemma3_27b(), 32768, KvType.F16, Runtime.VLLM, false))
                .isEqualTo(3_120_562_176L);
    }

    @Test
    void llamaCppSizesTheSlidingCacheAsWindowPlusMicroBatch() {
        // 52 sliding layers hold 1024 + 512 = 1536 cells: 52 × 1536 × 8192 = 654,311,424; + 2,684,354,560 global.
        assertThat(KvCache.bytes(KnownArchitectures.gemma3_27b(), 32768, KvType.F16, Runtime.LLAMA_CPP, false))
                .isEqualTo(3_338_665_984L);
    }

    @Test
    void swaFullHoldsTheWholeContextInEveryLayer() {
        assertThat(KvCache.bytes(KnownArchitectures.gemma3_27b(), 32768, KvType.F16, Runtime.LLAMA_CPP, true))
                .isEqualTo(62L * 32768 * 8192);
    }

    @Test
    void shortContextsAreNotPaddedToTheWindow() {
        // At 512 tokens every layer holds 512: 62 × 512 × 8192.
        assertThat(KvCache.bytes(KnownArchitectures.gemma3_27b(), 512, KvType.F16, Runtime.VLLM, false))
                .isEqualTo(62L * 512 * 8192);
    }

    @Test
    void llama4ScoutChunkedLayersHoldAtMostOneChunk() {
        // Scout: 48 layers, every 4th global → 12 global, 36 chunked (8192). per layer-token 2 × 8 × 128 × 2 B = 4096 B.
        // At 131072 tokens: 12 × 131072 × 4096 = 6,442,450,944; 36 × 8192 × 4096 = 1,207,959,552 → 7,650,410,496 B.
        assertThat(KvCache.bytes(KnownArchitectures.llama4Scout(0), 131072, KvType.F16, Runtime.VLLM, false))
                .isEqualTo(7_650_410_496L);
    }

    @Test
    void deepSeekV3CachesTheLatentOncePerLayer() {
        // MLA: 512 latent + 64 RoPE = 576 elements per layer-token, no ×2; 61 layers × 32768 × 576 × 2 B = 2,302,672,896 B.
        // Plain MHA with 128 heads × (128+128) would be 2 × 128 × 128 = 32768 elements: 57× more.
        assertThat(KvCache.bytes(KnownArchitectures.deepseekV3(), 32768, KvType.F16, Runtime.VLLM, false))
                .isEqualTo(2_302_672_896L);
    }

    @Test
    void q8_0AndQ4_0CacheTypesCost8Point5And4Point5Bits() {
        long f16 = KvCache.bytes(KnownArchitectures.qwen25_7b(), 4096, KvType.F16, Runtime.LLAMA_CPP, false);
        assertThat(KvCache.bytes(KnownArchitectures.qwen25_7b(), 4096, KvType.Q8_0, Runtime.LLAMA_CPP, false)).isEqualTo(f16 / 32 * 17);  // elements × 34/32 = (f16 / 2) × 34/32
        assertThat(KvCache.bytes(KnownArchitectures.qwen25_7b(), 4096, KvType.Q4_0, Runtime.LLAMA_CPP, false)).isEqualTo(f16 / 32 * 9);   // elements × 18/32
        assertThat(KvCache.bytes(KnownArchitectures.qwen25_7b(), 4096, KvType.FP8, Runtime.VLLM, false)).isEqualTo(f16 / 2);
    }
}
