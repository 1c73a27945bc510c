package dev.arbiter.fit.gguf;

/**
 * One tensor of a GGUF text model, by its ggml shape: {@code rowLength} is {@code ne[0]} (the input features of a
 * linear layer, the hidden size of an embedding row) and {@code rows} the product of the other dimensions (output
 * features × experts for a 3-D expert tensor).
 *
 * @param kind      llama.cpp's tensor name without its block prefix, e.g. {@code ffn_down_exps.weight} (see {@link #name})
 * @param role      what the quantizer treats it as
 * @param layer     decoder block, or -1 outside the blocks
 * @param rowLength elements per row ({@code ne[0]})
 * @param rows      rows ({@code ne[1] × ne[2]})
 */
public record GgufTensor(String kind, TensorRole role, int layer, long rowLength, long rows) {
    public GgufTensor {
        if (kind == null || kind.isBlank()) throw new IllegalArgumentException("tensor name is required");
        if (role == null) throw new IllegalArgumentException("tensor role is required: " + kind);
        if (rowLength <= 0 || rows <= 0) throw new IllegalArgumentException("tensor " + kind + " has an empty shape " + rowLength + " × " + rows);
    }

    /**
     * llama.cpp's tensor name, e.g. {@code blk.3.ffn_down_exps.weight}: made when asked, not per tensor of every
     * layout (recommend lays out every catalogue model, and building the names was a third of that).
     */
    public String name() {
        return layer < 0 ? kind : "blk." + layer + "." + kind;
    }

    public long elements() {
        return rowLength * rows;
    }

    /** A stack of routed experts ({@code ffn_gate_exps}, {@code ffn_up_exps}, {@code ffn_down_exps}), of which a token reads its chosen few. */
    public boolean routedExperts() {
        return kind.endsWith("_exps.weight");
    }
}
