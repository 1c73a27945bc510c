package dev.arbiter.fit;

import dev.arbiter.fit.gguf.GgmlType;
import dev.arbiter.fit.gguf.GgufSize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weights of a GGUF model as llama.cpp holds them, tensor by tensor (see {@link GgufSize}).
 *
 * @param textBytes        the text model's tensors, bytes
 * @param projectorBytes   the vision projector (mmproj) file's tensors, bytes; 0 for text-only models
 * @param projectorCounted whether {@code projectorBytes} is in the fit's weights (only when images are sent)
 * @param bytesByType      {@code textBytes} split by ggml tensor type, largest first
 * @param tensors          text-model tensors
 * @param fallbackTensors  tensors whose row length is not a multiple of the type's block, stored in a fallback type
 * @param routedExpertBytes of {@code textBytes}, the routed experts' tensors (0 for a dense model)
 * @param readBytesPerToken weight bytes one decoded token reads (see {@link GgufSize#readBytesPerToken})
 */
public record GgufWeights(long textBytes, long projectorBytes, boolean projectorCounted, Map<GgmlType, Long> bytesByType,
                          int tensors, int fallbackTensors, long routedExpertBytes, long readBytesPerToken) {
    public GgufWeights {
        bytesByType = Collections.unmodifiableMap(new LinkedHashMap<>(bytesByType));   // keeps largest-first order
    }

    static GgufWeights of(GgufSize s, boolean images, double activeExpertShare, int vocab) {
        return new GgufWeights(s.textBytes(), s.projectorBytes(), images && s.projectorBytes() > 0, s.bytesByType(),
                s.tensors(), s.fallbacks(), s.routedExpertBytes(), (long) Math.ceil(s.readBytesPerToken(activeExpertShare, vocab)));
    }

    /** Bytes the runtime loads. */
    public long loadedBytes() {
        return textBytes + (projectorCounted ? projectorBytes : 0);
    }
}
