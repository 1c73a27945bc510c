package dev.arbiter.fit;

import dev.arbiter.catalog.Architecture;
import dev.arbiter.catalog.ParamCount;
import dev.arbiter.fit.gguf.BundledGgufSizes;
import dev.arbiter.fit.gguf.GgmlType;
import dev.arbiter.fit.gguf.GgufMix;
import dev.arbiter.fit.gguf.GgufSize;
import dev.arbiter.util.IdentityMemo;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Bytes of weights a runtime holds. GGUF runtimes (llama.cpp, Ollama) load the file llama.cpp's quantizer writes,
 * summed tensor by tensor ({@link GgufSize}, without an importance matrix, as {@code llama-quantize} does by
 * default), and the vision projector only when images are sent. Checkpoint servers use {@link Quant#weightBytes}.
 */
final class Weights {
    private Weights() {}


    /**
     * Sizes already found, by architecture instance and mix: a catalogue has a few dozen architectures and ten
     * mixes, and fit's searches ask often (by identity: see {@link IdentityMemo}).
     */
    private static final IdentityMemo<Architecture, Sizes> SIZES = new IdentityMemo<>(256);

    /**
     * One architecture instance's sizes, by mix ordinal, and its entry in the build's snapshot of the bundled models'
     * sizes, looked up once: null when the architecture is not exactly a bundled one (a user's, an edited one), whose
     * sizes are then computed.
     */
    private static final class Sizes {
        final BundledGgufSizes.Entry bundled;
        final GgufSize[] byMix = new GgufSize[GgufMix.values().length];

        Sizes(BundledGgufSizes.Entry bundled) { this.bundled = bundled; }
    }

    /** The GGUF sizes when the request runs a GGUF file, else empty. */
    static Optional<GgufWeights> gguf(FitRequest r) {
        if (!r.runtime().layerSplit()) return Optional.empty();
        Architecture a = r.architecture();
        return GgufMix.named(r.quant().wire()).map(mix -> GgufWeights.of(size(a, mix), r.images(), activeExpertShare(a), a.vocabSize()));
    }

    /** The GGUF file's sizes, tensor by tensor and layer by layer, when the request runs a GGUF file, else empty. */
    static Optional<GgufSize> ggufSize(FitRequest r) {
        if (!r.runtime().layerSplit()) return Optional.empty();
        return GgufMix.named(r.quant().wire()).map(mix -> size(r.architecture(), mix));
    }

    /** Bytes of the weights held in memory; {@link #gguf}'s loaded bytes without building its breakdown (a fit search calls this often). */
    static long bytes(FitRequest r, ParamCount p) {
        if (r.runtime().layerSplit()) {
            Optional<GgufMix> mix = GgufMix.named(r.quant().wire());
            if (mix.isPresent()) return size(r.architecture(), mix.get()).loadedBytes(r.images());
        }
        return r.quant().weightBytes(p);
    }

    /**
     * Weight bytes one decoded token reads: for a GGUF file, its tensors as summed for the memory, less the input
     * embedding table (a lookup reads one row) and the routed experts a token does not choose
     * ({@link GgufSize#readBytesPerToken}); for checkpoint formats {@link Quant#readBytesPerToken}.
     */
    static long readBytesPerToken(FitRequest r, ParamCount p) {
        Optional<GgufSize> g = ggufSize(r);
        if (g.isEmpty()) return r.quant().readBytesPerToken(p);
        return (long) Math.ceil(g.get().readBytesPerToken(activeExpertShare(r.architecture()), r.architecture().vocabSize()));
    }

    /** The share of a MoE layer's routed experts one token uses (k of E), 1 for a dense model. */
    static double activeExpertShare(Architecture a) {
        return a.moe() == null ? 1 : (double) a.moe().activeExperts() / a.moe().experts();
    }

    /** The sizes of {@code a} at {@code mix}: the bundled snapshot's when {@code a} is a bundled architecture, else computed. */
    private static GgufSize size(Architecture a, GgufMix mix) {
        Sizes s = SIZES.get(a, k -> new Sizes(BundledGgufSizes.find(k)));
        synchronized (s) {
            GgufSize g = s.byMix[mix.ordinal()];
            if (g == null) {
                g = s.bundled != null ? s.bundled.size(mix) : GgufSize.of(a, mix, false);
                s.byMix[mix.ordinal()] = g;
            }
            return g;
        }
    }

    static String basis(FitRequest r, ParamCount p) {
        Optional<GgufWeights> g = gguf(r);
        if (g.isEmpty()) return "weights: " + r.quant().basis() + (p.extra() > 0 ? "; parameters outside the decoder at 16-bit" : "");
        GgufWeights w = g.get();
        String types = w.bytesByType().entrySet().stream()
                .sorted(Map.Entry.<GgmlType, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.US, "%s %s", e.getKey().wire(), gib(e.getValue())))
                .collect(Collectors.joining(", "));
        String s = String.format(Locale.US,
                "weights: GGUF %s summed over %d tensors, each at the type llama.cpp's quantizer gives it (llama_tensor_get_type; no imatrix) — %s",
                r.quant().wire(), w.tensors(), types);
        if (w.fallbackTensors() > 0) {
            s += String.format(Locale.US, "; %d tensors have rows that are not a multiple of 256 and take a 32-block type", w.fallbackTensors());
        }
        if (w.projectorBytes() > 0) {
            s += w.projectorCounted()
                    ? String.format(Locale.US, "; vision projector (mmproj, F16) %s counted because images are sent", gib(w.projectorBytes()))
                    : String.format(Locale.US, "; vision projector (mmproj, F16, %s) not loaded: text only (--images counts it)", gib(w.projectorBytes()));
        }
        return s;
    }

    /** GiB, or MiB below a tenth of a GiB so that small tensor groups (norms, biases) do not print as 0.00. */
    private static String gib(long bytes) {
        return bytes >= (1L << 30) / 10
                ? String.format(Locale.US, "%.2f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.US, "%.1f MiB", bytes / (double) (1L << 20));
    }
}
