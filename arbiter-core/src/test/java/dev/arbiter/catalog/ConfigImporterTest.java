package dev.arbiter.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigImporterTest {
    @TempDir Path tmp;

    /** google/gemma-3-27b-it config.json as published: transformers leaves out the fields at their defaults. */
    private static final String GEMMA3_27B_IT = """
            {"architectures": ["Gemma3ForConditionalGeneration"], "boi_token_index": 255999, "eoi_token_index": 256000,
             "eos_token_id": [1, 106], "image_token_index": 262144, "initializer_range": 0.02, "mm_tokens_per_image": 256,
             "model_type": "gemma3",
             "text_config": {"head_dim": 128, "hidden_size": 5376, "intermediate_size": 21504, "model_type": "gemma3_text",
               "num_attention_heads": 32, "num_hidden_layers": 62, "num_key_value_heads": 16, "query_pre_attn_scalar": 168,
               "rope_scaling": {"factor": 8.0, "rope_type": "linear"}, "sliding_window": 1024},
             "torch_dtype": "bfloat16", "transformers_version": "4.50.0.dev0",
             "vision_config": {"hidden_size": 1152, "image_size": 896, "intermediate_size": 4304,
               "model_type": "siglip_vision_model", "num_attention_heads": 16, "num_hidden_layers": 27, "patch_size": 14,
               "vision_use_head": false}}
            """;

    private Model importGemma27b() throws IOException {
        Path cfg = tmp.resolve("config.json");
        Files.writeString(cfg, GEMMA3_27B_IT);
        return new ConfigImporter().importConfig(cfg, "g27", "gemma", null);
    }

    /** Qwen/Qwen1.5-MoE-A2.7B config.json as published (14.3B parameters, 2.7B active). */
    private static final String QWEN15_MOE_A27B = """
            {"architectures": ["Qwen2MoeForCausalLM"], "attention_dropout": 0.0, "bos_token_id": 151643, "decoder_sparse_step": 1,
             "eos_token_id": 151643, "hidden_act": "silu", "hidden_size": 2048, "initializer_range": 0.02, "intermediate_size": 5632,
             "max_position_embeddings": 8192, "max_window_layers": 21, "model_type": "qwen2_moe", "moe_intermediate_size": 1408,
             "norm_topk_prob": false, "num_attention_heads": 16, "num_experts": 60, "num_experts_per_tok": 4,
             "num_hidden_layers": 24, "num_key_value_heads": 16, "output_router_logits": false, "rms_norm_eps": 1e-06,
             "rope_theta": 1000000.0, "router_aux_loss_coef": 0.001, "shared_expert_intermediate_size": 5632,
             "sliding_window": 32768, "tie_word_embeddings": false, "torch_dtype": "bfloat16",
             "transformers_version": "4.39.0.dev0", "use_cache": true, "use_sliding_window": false, "vocab_size": 151936}
            """;

    @Test
    void qwen2MoeCountsItsSharedExpertAsThatManyRoutedWidths() throws IOException {
        Path cfg = tmp.resolve("config.json");
        Files.writeString(cfg, QWEN15_MOE_A27B);
        Architecture a = new ConfigImporter().importConfig(cfg, "qmoe", "apache-2.0", null).architecture();
        assertThat(a.moe().sharedExperts()).isEqualTo(4);  // 5632 / 1408
        ParamCount p = ParamCounter.count(a);
        // transformers' count of the checkpoint: 14,315,784,192 total, 2,689,173,504 active; the shared expert's sigmoid
        // gate (2,048 × 24 = 49,152) is the difference, left out
        assertThat(p.total()).isEqualTo(14_315_784_192L - 49_152);
        assertThat(p.active()).isEqualTo(2_689_173_504L - 49_152);
    }

    @Test
    void aSharedExpertWidthThatIsNotAMultipleOfTheRoutedOnesIsRefusedByName() throws IOException {
        Path cfg = tmp.resolve("config.json");
        Files.writeString(cfg, QWEN15_MOE_A27B.replace("\"shared_expert_intermediate_size\": 5632", "\"shared_expert_intermediate_size\": 5000"));
        assertThatThrownBy(() -> new ConfigImporter().importConfig(cfg, "qmoe", "apache-2.0", null))
                .hasMessageContaining("shared_expert_intermediate_size 5000").hasMessageContaining("moe_intermediate_size 1408");
    }

    @Test
    void gemma3ConfigWithoutVocabularyTakesTransformersDefaultAndMatchesTheCatalogue() throws IOException {
        Architecture a = importGemma27b().architecture();
        assertThat(a.vocabSize()).isEqualTo(262_208);
        assertThat(a.tiedEmbeddings()).isTrue();
        // The same text stack as Gemma 3 27B built from its full set of values (27,008,663,808 parameters).
        assertThat(ParamCounter.count(a).total()).isEqualTo(ParamCounter.count(KnownArchitectures.gemma3_27b()).total());
    }

    @Test
    void gemma3ConfigWithoutAPatternHasEverySixthLayerGlobalNotEveryLayerSliding() throws IOException {
        LocalAttention local = importGemma27b().architecture().localAttention();
        assertThat(local.window()).isEqualTo(1024);
        assertThat(local.globalEvery()).isEqualTo(6);
    }

    @Test
    void gemma3ConfigWithoutAContextLengthTakes128k() throws IOException {
        assertThat(importGemma27b().contextLength()).isEqualTo(131_072);
    }

    @Test
    void gemma3TextConfigWithoutHeadCountsTakesTransformersDefaults() throws IOException {
        // google/gemma-3-4b-it's text_config states only these fields.
        Path cfg = tmp.resolve("config.json");
        Files.writeString(cfg, """
                {"model_type": "gemma3", "text_config": {"hidden_size": 2560, "intermediate_size": 10240,
                 "model_type": "gemma3_text", "num_hidden_layers": 34,
                 "rope_scaling": {"factor": 8.0, "rope_type": "linear"}, "sliding_window": 1024}}
                """);
        Architecture a = new ConfigImporter().importConfig(cfg, "g4", "gemma", null).architecture();
        assertThat(a.attentionHeads()).isEqualTo(8);
        assertThat(a.kvHeads()).isEqualTo(4);
        assertThat(a.headDim()).isEqualTo(256);
    }

    @Test
    void otherModelTypesGetNoGemmaDefaults() throws IOException {
        Path cfg = tmp.resolve("config.json");
        Files.writeString(cfg, """
                {"model_type": "llama", "hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 4,
                 "vocab_size": 100, "intermediate_size": 128, "max_position_embeddings": 4096}
                """);
        Architecture a = new ConfigImporter().importConfig(cfg, "tiny", "apache-2.0", null).architecture();
        assertThat(a.kvHeads()).isEqualTo(4);
        assertThat(a.tiedEmbeddings()).isFalse();
        assertThat(a.localAttention()).isNull();
    }

    @Test
    void aTruncatedConfigIsBadInputNamingTheLineAndColumnWithoutJacksonsSourceNote() throws IOException {
        Path cfg = tmp.resolve("config.json");
        Files.writeString(cfg, "{\"hidden_size\": 10,\n");
        assertThatThrownBy(() -> new ConfigImporter().importConfig(cfg, "x", "apache-2.0", null))
                .isInstanceOf(dev.arbiter.error.InvalidInputException.class)
                .hasMessageStartingWith(cfg + " line 2, column 1: not valid JSON: Unexpected end-of-input")
                .hasMessageNotContaining("REDACTED");
    }

    private static final String QWEN25_7B = """
            {"architectures": ["Qwen2ForCausalLM"], "hidden_size": 3584, "intermediate_size": 18944,
             "max_position_embeddings": 32768, "model_type": "qwen2", "num_attention_heads": 28, "num_hidden_layers": 28,
             "num_key_value_heads": 4, "rope_theta": 1000000.0, "sliding_window": 131072, "tie_word_embeddings": false,
             "use_sliding_window": false, "vocab_size": 152064}
            """;

    private Model importQwen(String edit, String value) throws IOException {
        Path cfg = tmp.resolve("qwen.json");
        Files.writeString(cfg, QWEN25_7B.replaceFirst("\"" + edit + "\": [^,}]+", "\"" + edit + "\": " + value));
        return new ConfigImporter().importConfig(cfg, "q7", "apache-2.0", null);
    }

    /**
     * An optional count written wrongly is refused with the file and the field, as a required one is: a string fell
     * back to the default (KV heads 28 for 4: a KV cache 7 times too large), a fraction was cut, a value past an int
     * wrapped, and "yes" was read as false; all with exit 0.
     */
    @Test
    void aCountOrSwitchOfTheWrongTypeIsRefusedNamingItsField() throws IOException {
        assertThat(importQwen("num_key_value_heads", "4").architecture().kvHeads()).isEqualTo(4);
        assertThat(importQwen("num_key_value_heads", "4.0").architecture().kvHeads()).as("28.0 as Python writes it").isEqualTo(4);
        assertThatThrownBy(() -> importQwen("num_key_value_heads", "\"4\"")).hasMessageContaining("qwen.json, field 'num_key_value_heads': expected an integer, got \"4\"");
        assertThatThrownBy(() -> importQwen("intermediate_size", "\"18944\"")).hasMessageContaining("field 'intermediate_size': expected an integer");
        assertThatThrownBy(() -> importQwen("num_hidden_layers", "28.9")).hasMessageContaining("field 'num_hidden_layers': expected an integer, got 28.9");
        assertThatThrownBy(() -> importQwen("hidden_size", "4294971392")).hasMessageContaining("field 'hidden_size': expected an integer up to 2147483647");
        assertThatThrownBy(() -> importQwen("tie_word_embeddings", "\"yes\"")).hasMessageContaining("field 'tie_word_embeddings': expected true or false");
    }

    /** google/gemma-2-9b: no layer_types, no pattern; transformers alternates sliding and global layers, sliding first. */
    @Test
    void gemma2AlternatesSlidingAndGlobalLayers() throws IOException {
        Path cfg = tmp.resolve("gemma2.json");
        Files.writeString(cfg, """
                {"architectures": ["Gemma2ForCausalLM"], "head_dim": 256, "hidden_size": 3584, "intermediate_size": 14336,
                 "max_position_embeddings": 8192, "model_type": "gemma2", "num_attention_heads": 16, "num_hidden_layers": 42,
                 "num_key_value_heads": 8, "sliding_window": 4096, "vocab_size": 256000}
                """);
        LocalAttention local = new ConfigImporter().importConfig(cfg, "g2", "gemma", null).architecture().localAttention();
        assertThat(local.window()).isEqualTo(4096);
        assertThat(local.globalEvery()).isEqualTo(2);
        assertThat(local.isGlobal(0)).isFalse();
        assertThat(local.isGlobal(1)).isTrue();
    }
}
