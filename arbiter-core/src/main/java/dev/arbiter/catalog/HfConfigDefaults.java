package dev.arbiter.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.util.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values transformers assumes when a {@code config.json} leaves a field out. Hugging Face writes only the
 * fields that differ from the config class's defaults, so google/gemma-3-27b-it's {@code text_config} has no
 * {@code vocab_size}, {@code max_position_embeddings} or {@code sliding_window_pattern}, and gemma-3-4b-it's has
 * no head counts either. Reading such a file without these defaults fails or, worse, treats every layer as
 * sliding.
 */
final class HfConfigDefaults {
    private HfConfigDefaults() {}

    /** Gemma3TextConfig.__init__ (transformers src/transformers/models/gemma3/configuration_gemma3.py). */
    private static final Map<String, Object> GEMMA3_TEXT = gemma3Text();

    private static Map<String, Object> gemma3Text() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("vocab_size", 262_208);
        d.put("num_attention_heads", 8);
        d.put("num_key_value_heads", 4);
        d.put("head_dim", 256);
        d.put("max_position_embeddings", 131_072);
        d.put("tie_word_embeddings", true);
        d.put("attention_bias", false);
        d.put("sliding_window", 4096);
        d.put("sliding_window_pattern", 6);
        return d;
    }

    /**
     * {@code textConfig} with the defaults of its model type filled in where the file is silent; unchanged for
     * model types whose configs are written out in full.
     *
     * @param modelType the text stack's {@code model_type}, or the root's when the text stack has none
     */
    static JsonNode fill(JsonNode textConfig, String modelType) {
        if (!(textConfig instanceof ObjectNode obj) || !modelType.startsWith("gemma3")) return textConfig;
        ObjectNode filled = obj.deepCopy();
        for (var e : GEMMA3_TEXT.entrySet()) {
            if (filled.hasNonNull(e.getKey())) continue;
            // The layer_types list supersedes the pattern in newer configs; do not add a pattern beside it.
            if (e.getKey().equals("sliding_window_pattern") && filled.has("layer_types")) continue;
            filled.set(e.getKey(), Json.mapper().valueToTree(e.getValue()));
        }
        return filled;
    }
}
