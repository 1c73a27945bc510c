package dev.arbiter.fit;

/** Where a quantisation lives: GGUF files for llama.cpp/Ollama, or safetensors checkpoints for vLLM/SGLang/TGI. */
public enum QuantFormat {
    /** A GGUF quant type, run by llama.cpp and Ollama. */
    GGUF,
    /** A safetensors checkpoint format (FP8, AWQ/GPTQ INT4, INT8), run by tensor-parallel servers. */
    CHECKPOINT,
    /** 16-bit weights: every runtime loads them. */
    BOTH;

    public boolean runsOn(Runtime r) {
        return this == BOTH || (this == GGUF) == r.layerSplit();
    }
}
