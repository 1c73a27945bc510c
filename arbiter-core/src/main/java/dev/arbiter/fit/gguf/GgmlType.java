package dev.arbiter.fit.gguf;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The ggml tensor types a GGUF file written by llama.cpp's quantizer can hold for the mixes Arbiter models, with
 * ggml's type traits: {@code blockSize} elements are stored in {@code blockBytes} bytes (ggml/src/ggml.c
 * {@code type_traits}; block layouts in ggml-common.h). A row of {@code n} elements takes
 * {@code n / blockSize × blockBytes} bytes and {@code n} must be a multiple of {@code blockSize}.
 */
public enum GgmlType {
    F32("F32", 1, 4),
    F16("F16", 1, 2),
    BF16("BF16", 1, 2),
    /** d (f16) + 32 × int8. */
    Q8_0("Q8_0", 32, 34),
    /** d, m (f16) + 4 high bits (32 bits) + 32 × 4 low bits. */
    Q5_1("Q5_1", 32, 24),
    /** d (f16) + 4 bytes of high bits + 16 bytes of nibbles. */
    Q5_0("Q5_0", 32, 22),
    /** d, m (f16) + 16 bytes of nibbles. */
    Q4_1("Q4_1", 32, 20),
    /** d (f16) + 16 bytes of nibbles. */
    Q4_0("Q4_0", 32, 18),
    /** d (f16) + 16 bytes of non-linear 4-bit indices. */
    IQ4_NL("IQ4_NL", 32, 18),
    /** ql[128] + qh[64] + 16 int8 scales + d (f16): 6.5625 bits per weight. */
    Q6_K("Q6_K", 256, 210),
    /** d, dmin (f16) + 12 bytes of 6-bit scales + qh[32] + qs[128]: 5.5 bits per weight. */
    Q5_K("Q5_K", 256, 176),
    /** d, dmin (f16) + 12 bytes of 6-bit scales + qs[128]: 4.5 bits per weight. */
    Q4_K("Q4_K", 256, 144),
    /** d (f16) + scales_h (u16) + scales_l[4] + qs[128]: 4.25 bits per weight. */
    IQ4_XS("IQ4_XS", 256, 136),
    /** hmask[32] + qs[64] + 12 bytes of scales + d (f16): 3.4375 bits per weight. */
    Q3_K("Q3_K", 256, 110),
    /** scales[16] + qs[64] + d, dmin (f16): 2.625 bits per weight. */
    Q2_K("Q2_K", 256, 84);

    private final String wire;
    private final int blockSize;
    private final int blockBytes;

    GgmlType(String wire, int blockSize, int blockBytes) {
        this.wire = wire;
        this.blockSize = blockSize;
        this.blockBytes = blockBytes;
    }

    @JsonValue
    public String wire() { return wire; }

    /** Elements per block. */
    public int blockSize() { return blockSize; }

    /** Bytes per block. */
    public int blockBytes() { return blockBytes; }

    /** Whether a row of {@code rowLength} elements can be stored in this type (whole blocks only). */
    public boolean fits(long rowLength) {
        return rowLength % blockSize == 0;
    }

    /** Bytes of {@code rows} rows of {@code rowLength} elements. */
    public long bytes(long rowLength, long rows) {
        if (!fits(rowLength)) {
            throw new IllegalArgumentException(wire + " needs rows that are a multiple of " + blockSize + " elements, got " + rowLength);
        }
        return rowLength / blockSize * blockBytes * rows;
    }

    /** Bits per weight, for messages. */
    public double bitsPerWeight() {
        return 8.0 * blockBytes / blockSize;
    }
}
