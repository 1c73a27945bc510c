package dev.arbiter.fit.gguf;

import dev.arbiter.catalog.Architecture;

import java.util.Arrays;
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
 * <p>The same sum is kept by where llama.cpp places the tensors ({@code llama_model::load_tensors}): the input layer
 * ({@code token_embd}), each repeating block {@code blk.i}, and the output layer ({@code output_norm} and
 * {@code output}, or the tied embedding, which llama.cpp duplicates into the output layer to use it as the head).
 *
 * @param mix               the file type
 * @param textBytes         bytes of all text-model tensors
 * @param bytesByType       {@code textBytes} split by ggml type, largest type first
 * @param tensors           number of text-model tensors
 * @param fallbacks         tensors whose row length forced a fallback type (llama-quantize warns for each)
 * @param projectorBytes    bytes of the mmproj file's tensors (vision encoder and projector in F16), 0 for text-only models
 * @param tokenEmbdBytes    bytes of {@code token_embd.weight} (vocab × hidden)
 * @param outputBytes       bytes of {@code output.weight}, the untied head; 0 when the head is the tied embedding
 * @param outputNormBytes   bytes of {@code output_norm.weight}
 * @param blockBytes        bytes of each repeating block {@code blk.i} (index i), all its tensors
 * @param blockExpertBytes  of {@code blockBytes}, the routed experts' {@code ffn_*_exps} tensors (0 in dense blocks)
 */
public record GgufSize(GgufMix mix, long textBytes, Map<GgmlType, Long> bytesByType, int tensors, int fallbacks,
                       long projectorBytes, long tokenEmbdBytes, long outputBytes, long outputNormBytes,
                       List<Long> blockBytes, List<Long> blockExpertBytes) {
    public GgufSize {
        if (textBytes < 0 || projectorBytes < 0) throw new IllegalArgumentException("bytes must be >= 0");
        if (blockBytes.size() != blockExpertBytes.size()) throw new IllegalArgumentException("one expert sum per block");
        bytesByType = Collections.unmodifiableMap(new LinkedHashMap<>(bytesByType));
        blockBytes = List.copyOf(blockBytes);
        blockExpertBytes = List.copyOf(blockExpertBytes);
    }

    /**
     * The sizes of {@code a} at {@code mix}. The projector is counted from the catalogue's parameters outside the
     * decoder at 2 bytes each: llama.cpp's mmproj files are F16 (ggml-org's gemma-3-4b-it mmproj-model-f16.gguf is
     * 851 MB for the 419.8 M vision parameters the catalogue holds, 1.4 % above 2 bytes each for its F32 norms).
     * Fit takes the bundled models' sizes from the build's snapshot of this method's results ({@link BundledGgufSizes})
     * and calls it for any other architecture.
     */
    public static GgufSize of(Architecture a, GgufMix mix, boolean imatrix) {
        TensorTypes types = TensorTypes.of(mix, imatrix, a);
        List<GgufTensor> tensors = GgufLayout.of(a);
        Sums sums = new Sums(a.layers());
        // The body is its own small method: it reaches the JIT's call threshold within the first model's tensors and
        // runs compiled from then on, where this loop (one call per model and mix, ~200 in a recommend) would run
        // interpreted until its own threshold; it was the largest piece of recommend's start-up (docs/performance.md).
        for (GgufTensor t : tensors) sums.add(types, t);
        Map<GgmlType, Long> byType = new EnumMap<>(GgmlType.class);
        for (GgmlType g : GgmlType.values()) if (sums.used[g.ordinal()]) byType.put(g, sums.byOrdinal[g.ordinal()]);
        Map<GgmlType, Long> sorted = new LinkedHashMap<>();
        byType.entrySet().stream().sorted(Map.Entry.<GgmlType, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new GgufSize(mix, sums.total, sorted, tensors.size(), sums.fallbacks, 2 * a.extraParams(), sums.tokenEmbd,
                sums.output, sums.outputNorm, Arrays.stream(sums.blocks).boxed().toList(),
                Arrays.stream(sums.experts).boxed().toList());
    }

    /** Running sums of one model's tensors, by type ordinal (primitive: a boxed merge per tensor cost more) and place. */
    private static final class Sums {
        final long[] byOrdinal = new long[GgmlType.values().length];
        final boolean[] used = new boolean[byOrdinal.length];
        final long[] blocks;
        final long[] experts;
        long total;
        long tokenEmbd;
        long output;
        long outputNorm;
        int fallbacks;

        Sums(int layers) {
            blocks = new long[layers];
            experts = new long[layers];
        }

        void add(TensorTypes types, GgufTensor t) {
            GgmlType type = types.of(t);
            long bytes = type.bytes(t.rowLength(), t.rows());
            byOrdinal[type.ordinal()] += bytes;
            used[type.ordinal()] = true;
            total += bytes;
            if (types.fellBack(t)) fallbacks++;
            if (t.layer() >= 0) {
                blocks[t.layer()] += bytes;
                if (t.routedExperts()) experts[t.layer()] += bytes;
            } else if (t.role() == TensorRole.TOKEN_EMBD) {
                tokenEmbd += bytes;
            } else if (t.role() == TensorRole.OUTPUT) {
                output += bytes;
            } else {
                outputNorm += bytes;
            }
        }
    }

    /** Bytes held in memory: the text model, plus the projector when images are sent. */
    public long loadedBytes(boolean images) {
        return textBytes + (images ? projectorBytes : 0);
    }

    /** Bits per text weight over the whole text model. */
    public double bitsPerWeight(long textParams) {
        return 8.0 * textBytes / textParams;
    }

    /** Bytes of the matrix used as the output head: {@code output.weight}, or the tied token embedding. */
    public long headBytes() {
        return outputBytes > 0 ? outputBytes : tokenEmbdBytes;
    }

    /**
     * Bytes llama.cpp's output layer puts on its device: {@code output_norm} and the head. A tied embedding is
     * loaded a second time there ({@code TENSOR_DUPLICATED}, "duplicated to allow offloading"), the input copy
     * staying with the input layer on the CPU.
     */
    public long outputLayerBytes() {
        return outputNormBytes + headBytes();
    }

    /** Bytes of the routed experts' tensors over all blocks (0 for a dense model). */
    public long routedExpertBytes() {
        return blockExpertBytes.stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Bytes one decoded token reads from the weights: every block (of the routed experts only the chosen share, for a
     * mixture of experts), the output layer (a tied embedding is read whole as the head) and one row of the token
     * embedding, which the input lookup reads instead of the table.
     */
    public double readBytesPerToken(double activeExpertShare, int vocab) {
        double read = outputLayerBytes() + (double) tokenEmbdBytes / vocab;
        for (int i = 0; i < blockBytes.size(); i++) read += blockReadBytes(i, activeExpertShare);
        return read;
    }

    /** Bytes of block {@code i} one decoded token reads: all of it but the routed experts it does not choose. */
    public double blockReadBytes(int i, double activeExpertShare) {
        return blockBytes.get(i) - blockExpertBytes.get(i) * (1 - activeExpertShare);
    }
}
