package dev.arbiter.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a Hugging Face {@code config.json} into a catalogue entry. Reads the text stack from {@code text_config}
 * when present (Gemma 3, Llama 4), knows the field spellings of Llama, Mistral, Qwen 2/2.5, Gemma 3, Llama 4 and
 * DeepSeek V2/V3, and counts parameters with {@link ParamCounter} (the source says they were computed).
 */
public final class ConfigImporter {
    private final ObjectMapper json = Json.mapper();

    /** The entry, validated by building the records; {@code licenseId} must name a known licence. */
    public Model importConfig(Path configFile, String id, String licenseId, String name) {
        JsonNode root;
        try {
            root = json.readTree(Files.readString(configFile));
        } catch (NoSuchFileException e) {
            throw new UnavailableException("config file not found: " + configFile);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidInputException(configFile + where + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnavailableException("cannot read config file " + configFile + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new InvalidInputException(configFile + ": expected a JSON object");
        JsonNode tc = root.has("text_config") && root.get("text_config").isObject() ? root.get("text_config") : root;
        String type = text(root, "model_type", "");
        tc = HfConfigDefaults.fill(tc, text(tc, "model_type", type));
        String src = "file:" + configFile.toAbsolutePath();
        try {
            Architecture a = architecture(tc, root, type, configFile, src);
            ParamCount count = ParamCounter.count(a);
            long context = integer(tc, root, configFile, "max_position_embeddings", "n_positions", "seq_length");
            List<String> modalities = root.has("vision_config") ? List.of("text", "image") : List.of("text");
            OfficialParams params = new OfficialParams(count.total(), count.active(),
                    "computed by arbiter import-config from " + configFile.getFileName()
                            + " (no vendor figure; check against the model card)");
            return new Model(id.toLowerCase(Locale.ROOT), name == null ? id : name, "imported", null, null, null, null,
                    context, modalities, List.of(), List.of(), null, licenseId, null, a, params, List.of(),
                    "imported from " + configFile.getFileName() + (type.isEmpty() ? "" : " (model_type " + type + ")"), null);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(configFile + ": " + e.getMessage(), e);
        }
    }

    /** The entry as a family file others can review, edit and pass to {@code --catalog}. */
    public String toYaml(Model m) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("family", m.family());
        Map<String, Object> entry = Json.mapper().convertValue(m, Json.mapper().getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Object.class));
        entry.remove("license");
        entry.remove("family");
        file.put("models", List.of(entry));
        try {
            return Json.yaml().writeValueAsString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Architecture architecture(JsonNode tc, JsonNode root, String type, Path f, String src) {
        int layers = (int) integer(tc, root, f, "num_hidden_layers", "n_layer", "num_layers");
        int hidden = (int) integer(tc, root, f, "hidden_size", "n_embd", "d_model");
        int heads = (int) integer(tc, root, f, "num_attention_heads", "n_head");
        int kv = (int) optional(tc, root, f, heads, "num_key_value_heads");
        int headDim = (int) optional(tc, root, f, 0, "head_dim");
        int vocab = (int) integer(tc, root, f, "vocab_size");
        boolean tiedDefault = type.startsWith("gemma");
        boolean tied = bool(tc, root, f, tiedDefault, "tie_word_embeddings");
        boolean llama4 = type.startsWith("llama4");
        long ffn = llama4 ? integer(tc, root, f, "intermediate_size_mlp")
                : optional(tc, root, f, 4L * hidden, "intermediate_size", "n_inner", "ffn_dim");
        boolean qwen = type.startsWith("qwen2");
        boolean bias = bool(tc, root, f, qwen, "attention_bias");

        Moe moe = null;
        long experts = optional(tc, root, f, 0, "num_local_experts", "n_routed_experts", "num_experts");
        if (experts > 0) {
            long active = integer(tc, root, f, "num_experts_per_tok");
            long shared = optional(tc, root, f, llama4 ? 1 : 0, "n_shared_experts");
            long expertFfn = llama4 ? integer(tc, root, f, "intermediate_size")
                    : optional(tc, root, f, ffn, "moe_intermediate_size");
            long sharedWidth = optional(tc, root, f, 0, "shared_expert_intermediate_size");
            if (shared == 0 && sharedWidth > 0) {
                // Qwen2-MoE: one shared expert as wide as several routed ones (5632 = 4 × 1408 in Qwen1.5-MoE-A2.7B);
                // counted as that many shared experts. Its sigmoid gate (hidden → 1, 49,152 parameters in A2.7B) is not.
                if (expertFfn <= 0 || sharedWidth % expertFfn != 0) {
                    throw new InvalidInputException(f + ": shared_expert_intermediate_size " + sharedWidth
                            + " is not a multiple of moe_intermediate_size " + expertFfn + "; the catalogue counts a shared expert"
                            + " in units of the routed experts' width: write the entry by hand");
                }
                shared = sharedWidth / expertFfn;
            }
            long step = optional(tc, root, f, 1, "interleave_moe_layer_step", "moe_layer_freq", "decoder_sparse_step");
            long firstDense = optional(tc, root, f, 0, "first_k_dense_replace");
            moe = new Moe((int) experts, (int) active, (int) shared, (int) expertFfn, (int) step, (int) firstDense);
        }
        Mla mla = null;
        if (tc.hasNonNull("kv_lora_rank")) {
            mla = new Mla((int) optional(tc, root, f, 0, "q_lora_rank"), (int) integer(tc, root, f, "kv_lora_rank"),
                    (int) integer(tc, root, f, "qk_nope_head_dim"), (int) integer(tc, root, f, "qk_rope_head_dim"),
                    (int) integer(tc, root, f, "v_head_dim"));
        }
        LocalAttention local = localAttention(tc, layers, llama4, type.startsWith("gemma2"));
        long extra = 0;
        String extraNote = null;
        if (root.has("vision_config")) extraNote = "vision encoder present in config.json but not counted: add its parameters to extra_params";
        return new Architecture(layers, hidden, heads, kv, headDim, vocab, tied, (int) ffn, bias, moe, local, mla,
                extra, extraNote, src);
    }

    private static LocalAttention localAttention(JsonNode tc, int layers, boolean llama4, boolean gemma2) {
        if (llama4 && tc.hasNonNull("attention_chunk_size")) {
            // Llama 4: three chunked-attention (RoPE) layers then one global (NoPE) layer.
            int every = 4;
            if (tc.has("no_rope_layers") && tc.get("no_rope_layers").isArray()) {
                JsonNode n = tc.get("no_rope_layers");
                for (int i = 0; i < n.size(); i++) if (n.get(i).asInt(1) == 0) { every = i + 1; break; }
            }
            return new LocalAttention("chunked", tc.get("attention_chunk_size").asInt(), every);
        }
        if (!tc.hasNonNull("sliding_window") || (tc.has("use_sliding_window") && !tc.get("use_sliding_window").asBoolean())) {
            return null;
        }
        int window = tc.get("sliding_window").asInt();
        if (tc.has("layer_types") && tc.get("layer_types").isArray()) {
            JsonNode lt = tc.get("layer_types");
            for (int i = 0; i < lt.size(); i++) {
                if (lt.get(i).asText().equals("full_attention")) return new LocalAttention("sliding", window, i + 1);
            }
            return new LocalAttention("sliding", window, layers + 1);
        }
        if (tc.hasNonNull("sliding_window_pattern")) {
            return new LocalAttention("sliding", window, tc.get("sliding_window_pattern").asInt());
        }
        // Gemma 2 alternates, sliding first (transformers' Gemma2 layers: is_sliding = not bool(layer_idx % 2); its
        // config's layer_types default says the same), where its config.json names neither layer_types nor a pattern.
        if (gemma2) return new LocalAttention("sliding", window, 2);
        // Every layer slides (Mistral 7B v0.1 style): no layer is global.
        return new LocalAttention("sliding", window, layers + 1);
    }

    private static long integer(JsonNode tc, JsonNode root, Path f, String... names) {
        for (String n : names) {
            for (JsonNode node : List.of(tc, root)) {
                if (node.hasNonNull(n)) return whole(node.get(n), f, n);
            }
        }
        throw new InvalidInputException(f + ": missing field '" + names[0] + "'"
                + (names.length > 1 ? " (or " + String.join(", ", List.of(names).subList(1, names.length)) + ")" : ""));
    }

    /**
     * An optional field: {@code dflt} when absent or null, and the same check as a required one when present: a
     * number written as a string ({@code "num_local_experts": "8"}) fell back to the default before, and imported
     * Mixtral as a dense 7.2B model with exit 0.
     */
    private static long optional(JsonNode tc, JsonNode root, Path f, long dflt, String... names) {
        for (String n : names) {
            for (JsonNode node : List.of(tc, root)) {
                if (node.hasNonNull(n)) return whole(node.get(n), f, n);
            }
        }
        return dflt;
    }

    /**
     * A count from config.json: a JSON number with no fraction (28 or 28.0, as Python's json writes either), within
     * an int: every count here (layers, widths, heads, experts, positions) is one. A string, a fraction (28.9 was cut to
     * 28) or a value past 2^31 - 1 (2^32 + 3584 was read as 3584) is refused with the file and the field.
     */
    private static long whole(JsonNode v, Path f, String name) {
        boolean integral = v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()));
        if (!integral) throw new InvalidInputException(f + ", field '" + name + "': expected an integer, got " + v);
        if ((v.isIntegralNumber() && !v.canConvertToInt()) || Math.abs(v.asDouble()) > Integer.MAX_VALUE) {
            throw new InvalidInputException(f + ", field '" + name + "': expected an integer up to " + Integer.MAX_VALUE + ", got " + v);
        }
        return v.asLong();
    }

    /** A JSON true or false; anything else ("yes", 1) is refused, where asBoolean read "yes" as false. */
    private static boolean bool(JsonNode tc, JsonNode root, Path f, boolean dflt, String name) {
        for (JsonNode node : List.of(tc, root)) {
            if (!node.hasNonNull(name)) continue;
            if (!node.get(name).isBoolean()) {
                throw new InvalidInputException(f + ", field '" + name + "': expected true or false, got " + node.get(name));
            }
            return node.get(name).asBoolean();
        }
        return dflt;
    }

    private static String text(JsonNode n, String field, String dflt) {
        return n.hasNonNull(field) ? n.get(field).asText() : dflt;
    }
}
