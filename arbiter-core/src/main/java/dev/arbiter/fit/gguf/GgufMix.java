package dev.arbiter.fit.gguf;

import java.util.Optional;

/**
 * A llama.cpp file type ({@code LLAMA_FTYPE_MOSTLY_*}): the default tensor type and the rules by which
 * {@code llama_tensor_get_type} in src/llama-quant.cpp raises or lowers single tensors. Only the mixes Arbiter
 * offers are here; the rules for IQ1/IQ2/IQ3 mixes and for Falcon are left out.
 */
public enum GgufMix {
    F16(GgmlType.F16),
    BF16(GgmlType.BF16),
    Q8_0(GgmlType.Q8_0),
    Q6_K(GgmlType.Q6_K),
    Q5_K_M(GgmlType.Q5_K),
    Q4_K_M(GgmlType.Q4_K),
    Q4_0(GgmlType.Q4_0),
    IQ4_XS(GgmlType.IQ4_XS),
    Q3_K_M(GgmlType.Q3_K),
    Q2_K(GgmlType.Q2_K);

    private final GgmlType base;

    GgufMix(GgmlType base) {
        this.base = base;
    }

    /** The type most tensors get ({@code llama_ftype_get_default_type}). */
    public GgmlType base() { return base; }

    /** Whether the quantizer runs its per-tensor rules at all (not for 16-bit files). */
    public boolean quantized() {
        return this != F16 && this != BF16;
    }

    /** The mix named like a quantisation ({@code Q4_K_M}), if Arbiter models it. */
    public static Optional<GgufMix> named(String wire) {
        // A loop over one shared array, not a stream over a fresh values() copy: fit's searches ask thousands of times.
        for (GgufMix m : ALL) if (m.name().equals(wire)) return Optional.of(m);
        return Optional.empty();
    }

    private static final GgufMix[] ALL = values();
}
