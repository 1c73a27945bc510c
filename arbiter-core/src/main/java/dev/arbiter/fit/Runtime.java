package dev.arbiter.fit;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.arbiter.catalog.Serving;
import dev.arbiter.error.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;

/**
 * Serving stacks, by how they split a model over several GPUs. llama.cpp ({@code -sm layer}, its default) and
 * Ollama put whole layers on each GPU: memory adds up, but a token visits the GPUs one after another, so decode
 * speed does not. vLLM, SGLang and TGI use tensor parallelism: every GPU holds a slice of every layer and reads it
 * at the same time, so bandwidth adds up too, but every layer then waits for two all-reduces ({@link DecodeModel}).
 */
public enum Runtime {
    LLAMA_CPP("llama.cpp", true),
    OLLAMA("ollama", true),
    VLLM("vllm", false),
    SGLANG("sglang", false),
    TGI("tgi", false);

    private final String wire;
    private final boolean layerSplit;

    Runtime(String wire, boolean layerSplit) {
        this.wire = wire;
        this.layerSplit = layerSplit;
    }

    @JsonValue
    public String wire() { return wire; }

    /** Splits by layer (llama.cpp, Ollama) rather than by tensor (vLLM, SGLang, TGI). */
    public boolean layerSplit() { return layerSplit; }

    /**
     * Whether the catalogue says this stack runs a model ({@code serving:} in its entry). SGLang has no flag there:
     * it is offered only for MLA models (DeepSeek's recommended engine), which it runs, so it counts as running them.
     * A model without a {@code serving:} entry is assumed to run everywhere.
     */
    public boolean runs(Serving s) {
        if (s == null) return true;
        return switch (this) {
            case LLAMA_CPP -> s.llamaCpp();
            case OLLAMA -> s.ollama();
            case VLLM -> s.vllm();
            case TGI -> s.tgi();
            case SGLANG -> true;
        };
    }

    public static Runtime parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace("llamacpp", "llama.cpp").replace("llama-cpp", "llama.cpp");
        return Arrays.stream(values()).filter(r -> r.wire.equals(t)).findFirst()
                .orElseThrow(() -> new InvalidInputException("unknown runtime '" + s + "' (known: llama.cpp, ollama, vllm, sglang, tgi)"));
    }
}
