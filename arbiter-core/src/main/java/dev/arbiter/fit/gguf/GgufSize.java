package dev.arbiter.fit.gguf;

import dev.arbiter.catalog.Architecture;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bytes of a GGUF model as llama.cpp writes it: the text model's tensors summed tensor by tensor at the type the
 * quantizer picks for each, and the vision projector (mmproj) file apart. Tensor data only: the file adds its
 * header, tokenizer metadata and alignment padding (a few MB), which llama.cpp does not load onto the device.
 *
 * @param mix            the file type
 * @param textBytes      bytes of all text-model tensors
 * @param bytesByType    {@code textBytes} split by ggml type, largest type first
 * @param tensors        number of text-model tensors
 * @param fallbacks      tensors whose row length forced a fallback type (llama-quantize warns for each)
 * @param projectorBytes bytes of the mmproj file's tensors (vision encoder and projector in F16), 0 for text-only models
 */
public record GgufSize(GgufMix mix, long textBytes, Map<GgmlType, Long> bytesByType, int tensors, int fallbacks,
                       long projectorBytes) {
    public GgufSize {
        if (textBytes < 0 || projectorBytes < 0) throw new IllegalArgumentException("bytes must be >= 0");
        bytesByType = Collections.unmodifiableMap(new LinkedHashMap<>(bytesByType));
    }

    /**
     * The sizes of {@code a} at {@code mix}. The projector is counted from the catalogue's parameters outside the
     * decoder at 2 bytes each: llama.cpp's mmproj files are F16 (ggml-org's gemma-3-4b-it mmproj-model-f16.gguf is
     * 851 MB for the 419.8 M vision parameters the catalogue holds, 1.4 % above 2 bytes each for its F32 norms).
     */
    public static GgufSize of(Architecture a, GgufMix mix, boolean imatrix) {
        TensorTypes types = TensorTypes.of(mix, imatrix, a);
        List<GgufTensor> tensors = GgufLayout.of(a);
        // Summed in a primitive array by type ordinal: a boxed merge per tensor was most of recommend's sizing CPU.
        GgmlType[] all = GgmlType.values();
        long[] byOrdinal = new long[all.length];
        boolean[] used = new boolean[all.length];
        long total = 0;
        int fallbacks = 0;
        for (GgufTensor t : tensors) {
            GgmlType type = types.of(t);
            long bytes = type.bytes(t.rowLength(), t.rows());
            byOrdinal[type.ordinal()] += bytes;
            used[type.ordinal()] = true;
            total += bytes;
            if (types.fellBack(t)) fallbacks++;
        }
        Map<GgmlType, Long> byType = new EnumMap<>(GgmlType.class);
        for (GgmlType g : all) if (used[g.ordinal()]) byType.put(g, byOrdinal[g.ordinal()]);
        Map<GgmlType, Long> sorted = new LinkedHashMap<>();
        byType.entrySet().stream().sorted(Map.Entry.<GgmlType, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new GgufSize(mix, total, sorted, tensors.size(), fallbacks, 2 * a.extraParams());
    }

    /** Bytes held in memory: the text model, plus the projector when images are sent. */
    public long loadedBytes(boolean images) {
        return textBytes + (images ? projectorBytes : 0);
    }

    /** Bits per text weight over the whole text model. */
    public double bitsPerWeight(long textParams) {
        return 8.0 * textBytes / textParams;
    }
}
