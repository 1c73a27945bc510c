package dev.arbiter.fit.gguf;

/**
 * One tensor of a GGUF text model, by its ggml shape: {@code rowLength} is {@code ne[0]} (the input features of a
 * linear layer, the hidden size of an embedding row) and {@code rows} the product of the other dimensions (output
 * features × experts for a 3-D expert tensor).
 *
 * @param name      llama.cpp's tensor name, e.g. {@code blk.3.ffn_down_exps.weight}
 * @param role      what the quantizer treats it as
 * @param layer     decoder block, or -1 outside the blocks
 * @param rowLength elements per row ({@code ne[0]})
 * @param rows      rows ({@code ne[1] × ne[2]})
 */
public record GgufTensor(String name, TensorRole role, int layer, long rowLength, long rows) {
    public GgufTensor {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("tensor name is required");
        if (role == null) throw new IllegalArgumentException("tensor role is required: " + name);
        if (rowLength <= 0 || rows <= 0) throw new IllegalArgumentException("tensor " + name + " has an empty shape " + rowLength + " × " + rows);
    }

    public long elements() {
        return rowLength * rows;
    }
}
