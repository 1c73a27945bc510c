package dev.arbiter.fit.gguf;

import dev.arbiter.catalog.Architecture;

/**
 * The ggml type llama.cpp's quantizer gives each tensor of a mix: a transcription of {@code llama_tensor_get_type}
 * and {@code tensor_type_fallback} (src/llama-quant.cpp) for the mixes in {@link GgufMix}, with no
 * {@code --tensor-type}, {@code --output-tensor-type} or {@code --pure} overrides.
 *
 * <p>What the rules do, for the K-quant mixes: the output head (and a tied embedding, which doubles as the head) is
 * Q6_K unless the mix is Q8_0, or Q8_0 when its rows are not a multiple of 256; {@code attn_v} (and MLA's
 * {@code attn_kv_b}) and {@code ffn_down} get more bits in the first and last eighth of the layers and every third
 * layer between ({@code use_more_bits}); 80-layer Llama/Qwen2 models (llama.cpp's {@code LLM_TYPE_70B}) raise a Q3_K
 * or Q4_K {@code attn_v} to Q5_K; 8-expert models (Mixtral) raise attention further. Then a tensor whose row length
 * is not a multiple of the type's block falls back: Q4_K→Q5_0, Q5_K→Q5_1, Q6_K→Q8_0, Q2_K/Q3_K→Q4_0,
 * IQ4_XS→IQ4_NL, and to F16 if even that does not fit.
 *
 * @param mix      the file type
 * @param imatrix  quantized with an importance matrix (bartowski's and unsloth's files are; llama-quantize's
 *                 default is not); changes only Q4_0's and IQ4_XS's first ffn_down layers
 * @param layers   decoder blocks ({@code n_layer}; also {@code n_attention_wv}: one attn_v-like tensor per block)
 * @param gqa      attention heads per KV head ({@code n_gqa()}; 1 for DeepSeek MLA as converted before April 2025)
 * @param experts  routed experts per MoE layer ({@code n_expert}), 0 for a dense model
 * @param size70b  llama.cpp classes the model as {@code LLM_TYPE_70B} (80 blocks of Llama, Qwen2 or Qwen2-VL)
 * @param tied     the output head is the token embedding ({@code has_tied_embeddings})
 */
public record TensorTypes(GgufMix mix, boolean imatrix, int layers, int gqa, int experts, boolean size70b, boolean tied) {

    public static TensorTypes of(GgufMix mix, boolean imatrix, Architecture a) {
        int experts = a.moe() == null ? 0 : a.moe().experts();
        return new TensorTypes(mix, imatrix, a.layers(), a.attentionHeads() / a.kvHeads(), experts, a.layers() == 80,
                a.tiedEmbeddings());
    }

    /** The type of {@code t}; {@code t.layer()} doubles as the attn_v counter since there is one such tensor a block. */
    public GgmlType of(GgufTensor t) {
        if (t.role() == TensorRole.VECTOR || t.role() == TensorRole.ROUTER) return GgmlType.F32;
        if (!mix.quantized()) return mix.base();
        return fallback(rule(t), t.rowLength());
    }

    /** Whether the row length of {@code t} forced a fallback from the type the rules chose. */
    public boolean fellBack(GgufTensor t) {
        if (t.role() == TensorRole.VECTOR || t.role() == TensorRole.ROUTER || !mix.quantized()) return false;
        return !rule(t).fits(t.rowLength());
    }

    private GgmlType rule(GgufTensor t) {
        GgmlType type = mix.base();
        int i = t.layer();
        int n = layers;
        return switch (t.role()) {
            case OUTPUT -> head(t);
            case TOKEN_EMBD -> tied ? head(t) : type;
            case ATTN_V -> attnV(i, n);
            case ATTN_K -> experts == 8 ? GgmlType.Q8_0 : type;
            case FFN_DOWN -> ffnDown(i, n);
            case ATTN_OUTPUT -> attnOutput();
            default -> type;
        };
    }

    /** The output head: Q8_0 when its rows do not split into the mix's blocks, else Q6_K (Q8_0 files keep Q8_0). */
    private GgmlType head(GgufTensor t) {
        if (!mix.base().fits(t.rowLength())) return GgmlType.Q8_0;
        return mix == GgufMix.Q8_0 ? GgmlType.Q8_0 : GgmlType.Q6_K;
    }

    private GgmlType attnV(int i, int n) {
        GgmlType type = switch (mix) {
            case Q2_K -> gqa >= 4 ? GgmlType.Q4_K : GgmlType.Q3_K;
            case Q3_K_M -> i < 2 ? GgmlType.Q5_K : GgmlType.Q4_K;
            case IQ4_XS -> gqa >= 4 ? GgmlType.Q5_K : mix.base();
            case Q4_K_M, Q5_K_M -> useMoreBits(i, n) ? GgmlType.Q6_K : mix.base();
            default -> mix.base();
        };
        // "In the 70B model we have 8 heads sharing the same attn_v weights ... nearly negligible increase in model size"
        if (size70b && (type == GgmlType.Q3_K || type == GgmlType.Q4_K)) type = GgmlType.Q5_K;
        if (experts == 8) type = GgmlType.Q8_0;
        return type;
    }

    private GgmlType ffnDown(int i, int n) {
        return switch (mix) {
            case Q2_K -> GgmlType.Q3_K;
            case Q3_K_M -> i < n / 16 ? GgmlType.Q5_K : GgmlType.Q4_K;   // non-Falcon: use_more_bits or not, Q4_K
            case Q4_K_M, Q5_K_M -> useMoreBits(i, n) ? GgmlType.Q6_K : mix.base();
            case IQ4_XS -> i < n / 8 && !imatrix ? GgmlType.Q5_K : mix.base();
            case Q4_0 -> i < n / 8 && imatrix ? GgmlType.Q4_1 : mix.base();
            default -> mix.base();
        };
    }

    private GgmlType attnOutput() {
        if (experts == 8) {
            return switch (mix) {
                case Q2_K, Q3_K_M, Q4_K_M, IQ4_XS -> GgmlType.Q5_K;
                default -> mix.base();
            };
        }
        return switch (mix) {
            case Q2_K -> GgmlType.Q3_K;
            case Q3_K_M -> GgmlType.Q4_K;
            default -> mix.base();
        };
    }

    /** llama.cpp's {@code use_more_bits}: the first and last eighth of the layers, and every third one between. */
    static boolean useMoreBits(int i, int n) {
        return i < n / 8 || i >= 7 * n / 8 || (i - n / 8) % 3 == 2;
    }

    /** {@code tensor_type_fallback}: a type whose block does not divide the row length gives way to a 32-block type. */
    static GgmlType fallback(GgmlType type, long rowLength) {
        if (type.fits(rowLength)) return type;
        GgmlType next = switch (type) {
            case Q2_K, Q3_K -> GgmlType.Q4_0;
            case IQ4_XS -> GgmlType.IQ4_NL;
            case Q4_K -> GgmlType.Q5_0;
            case Q5_K -> GgmlType.Q5_1;
            case Q6_K -> GgmlType.Q8_0;
            default -> GgmlType.F16;
        };
        return next.fits(rowLength) ? next : GgmlType.F16;
    }
}
