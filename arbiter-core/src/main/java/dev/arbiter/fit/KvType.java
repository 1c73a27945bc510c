package dev.arbiter.fit;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.arbiter.error.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;

/**
 * Element type of the KV cache, as bytes per block of elements so sizes stay exact integers: ggml's q8_0 block is
 * 32 int8 values + one fp16 scale = 34 bytes (8.5 bits), q4_0 is 16 bytes of nibbles + fp16 scale = 18 bytes (4.5 bits).
 */
public enum KvType {
    F16("f16", 2, 1, false),
    FP8("fp8", 1, 1, false),
    Q8_0("q8_0", 34, 32, true),
    Q4_0("q4_0", 18, 32, true);

    private final String wire;
    private final int bytesPerBlock;
    private final int blockElements;
    private final boolean ggmlOnly;

    KvType(String wire, int bytesPerBlock, int blockElements, boolean ggmlOnly) {
        this.wire = wire;
        this.bytesPerBlock = bytesPerBlock;
        this.blockElements = blockElements;
        this.ggmlOnly = ggmlOnly;
    }

    @JsonValue
    public String wire() { return wire; }

    /** Bytes for {@code elements} cached values, rounded up to whole bytes. */
    public long bytes(long elements) {
        return (elements * bytesPerBlock + blockElements - 1) / blockElements;
    }

    public double bits() { return 8.0 * bytesPerBlock / blockElements; }

    /** Whether this cache type exists in the runtime: q8_0/q4_0 are ggml types; llama.cpp has no fp8 cache. */
    public boolean supportedBy(Runtime r) {
        return r.layerSplit() ? this != FP8 : !ggmlOnly;
    }

    public static KvType parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.wire.equals(t)).findFirst()
                .orElseThrow(() -> new InvalidInputException("unknown KV cache type '" + s + "' (known: f16, fp8, q8_0, q4_0)"));
    }
}
