package dev.arbiter.fit;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.arbiter.catalog.ParamCount;
import dev.arbiter.catalog.Suggest;
import dev.arbiter.error.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;

/**
 * Weight precisions and their size in bits per weight.
 *
 * <p>GGUF types use the EFFECTIVE bits per weight of llama.cpp's default mixes, which keep some tensors at higher
 * precision (output.weight at Q6_K, half of attn_v/ffn_down one step up for _M mixes). Figures are from
 * llama.cpp's tools/quantize/README.md table for meta-llama/Llama-3.1-8B (8,030,261,248 params) where listed;
 * Q4_0 and Q3_K_M are not in that table and are derived from the sizes in tools/quantize/quantize.cpp's type list
 * ("4.34G" and "3.74G @ Llama-3-8B", GiB): size × 2^30 × 8 / 8,030,261,248. For the memory a GGUF file takes,
 * fit sums the file tensor by tensor instead ({@link dev.arbiter.fit.gguf.GgufSize}, within 2 % of 59 published
 * files), and reads a decoded token's bytes from the same sum ({@code GgufSize#readBytesPerToken}); these average
 * bits remain for ordering the mixes and for checkpoint formats.
 *
 * <p>Checkpoint formats keep the token embedding and output head at 16 bit (AWQ/GPTQ and FP8 recipes leave
 * {@code lm_head} and embeddings unquantised; DeepSeek-V3's FP8 release keeps them in BF16), so only the other
 * decoder weights take {@code bodyBits}. Parameters outside the decoder (vision encoder, MTP head) are counted at
 * 16 bit for every quant: llama.cpp ships vision towers as F16 mmproj files and AWQ/GPTQ recipes skip them.
 */
public enum Quant {
    F16("F16", QuantFormat.BOTH, 16.0, 16.0, "16-bit weights"),
    BF16("BF16", QuantFormat.BOTH, 16.0, 16.0, "16-bit weights"),
    FP8("FP8", QuantFormat.CHECKPOINT, 8.0, 16.0, "8-bit float weights (block/tensor scales < 0.01 bpw); embeddings and lm_head 16-bit"),
    INT8("INT8", QuantFormat.CHECKPOINT, 8.0, 16.0, "W8 per-channel int8 (scales negligible); embeddings and lm_head 16-bit"),
    INT4("INT4", QuantFormat.CHECKPOINT, 4.15625, 16.0, "AWQ/GPTQ group 128: 4-bit weights packed eight to an int32, and per group of 128 an fp16 scale and a 4-bit zero (qzeros packs eight to an int32: AutoAWQ WQLinear_GEMM, AutoGPTQ QuantLinear) = 4 + (16 + 4)/128 = 4.15625 bpw (GPTQ's g_idx adds 4 B per input row, < 0.03 bpw); embeddings and lm_head 16-bit"),
    Q8_0("Q8_0", QuantFormat.GGUF, 8.5008, null, "GGUF Q8_0 8.5008 bpw effective (llama.cpp quantize README, Llama-3.1-8B)"),
    Q6_K("Q6_K", QuantFormat.GGUF, 6.5633, null, "GGUF Q6_K 6.5633 bpw effective (llama.cpp quantize README, Llama-3.1-8B)"),
    Q5_K_M("Q5_K_M", QuantFormat.GGUF, 5.7036, null, "GGUF Q5_K_M 5.7036 bpw effective (llama.cpp quantize README, Llama-3.1-8B)"),
    Q4_K_M("Q4_K_M", QuantFormat.GGUF, 4.8944, null, "GGUF Q4_K_M 4.8944 bpw effective (llama.cpp quantize README, Llama-3.1-8B)"),
    Q4_0("Q4_0", QuantFormat.GGUF, 4.64, null, "GGUF Q4_0 4.64 bpw effective (4.34 GiB for Llama-3-8B in llama.cpp quantize.cpp; output.weight stays Q6_K)"),
    IQ4_XS("IQ4_XS", QuantFormat.GGUF, 4.4597, null, "GGUF IQ4_XS 4.4597 bpw effective (llama.cpp quantize README, Llama-3.1-8B; 4.25 for the type alone)"),
    Q3_K_M("Q3_K_M", QuantFormat.GGUF, 4.00, null, "GGUF Q3_K_M 4.00 bpw effective (3.74 GiB for Llama-3-8B in llama.cpp quantize.cpp)"),
    Q2_K("Q2_K", QuantFormat.GGUF, 3.1593, null, "GGUF Q2_K 3.1593 bpw effective (llama.cpp quantize README, Llama-3.1-8B)");

    private static final double EXTRA_BITS = 16.0;

    private final String wire;
    private final QuantFormat format;
    private final double bodyBits;
    private final Double embeddingBits;
    private final String basis;

    Quant(String wire, QuantFormat format, double bodyBits, Double embeddingBits, String basis) {
        this.wire = wire;
        this.format = format;
        this.bodyBits = bodyBits;
        this.embeddingBits = embeddingBits;
        this.basis = basis;
    }

    @JsonValue
    public String wire() { return wire; }

    public QuantFormat format() { return format; }

    /** Bits per weight of the decoder weights other than embeddings / output head. */
    public double bodyBits() { return bodyBits; }

    /** Bits per weight of the embedding table and output head. */
    public double embeddingBits() { return embeddingBits != null ? embeddingBits : bodyBits; }

    public String basis() { return basis; }

    /** Bytes of all weights held in memory: decoder body, embedding/head, and extras at 16 bit. */
    public long weightBytes(ParamCount p) {
        double bits = (p.decoderTotal() - p.embedding()) * bodyBits + p.embedding() * embeddingBits()
                + p.extra() * EXTRA_BITS;
        return (long) Math.ceil(bits / 8);
    }

    /**
     * Weight bytes read from memory per decoded token: the active decoder body plus one vocab × hidden output
     * projection (the head, or the tied embedding used as head) at embedding precision.
     */
    public long readBytesPerToken(ParamCount p) {
        long head = p.inputEmbedding();
        double bits = (p.readPerToken() - head) * bodyBits + head * embeddingBits();
        return (long) Math.ceil(bits / 8);
    }

    public static Quant parse(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(q -> q.wire.equals(t)).findFirst()
                .orElseThrow(() -> new InvalidInputException("unknown quantisation '" + s + "'"
                        + Suggest.nearest(s.toLowerCase(Locale.ROOT), Arrays.stream(values()).map(q -> q.wire.toLowerCase(Locale.ROOT)).toList())
                        + " (known: " + String.join(", ", Arrays.stream(values()).map(Quant::wire).toList()) + ")"));
    }
}
