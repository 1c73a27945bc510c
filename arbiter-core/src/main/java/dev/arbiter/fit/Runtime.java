package dev.arbiter.fit;

import com.fasterxml.jackson.annotation.JsonValue;
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

    public static Runtime parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace("llamacpp", "llama.cpp").replace("llama-cpp", "llama.cpp");
        return Arrays.stream(values()).filter(r -> r.wire.equals(t)).findFirst()
                .orElseThrow(() -> new InvalidInputException("unknown runtime '" + s + "' (known: llama.cpp, ollama, vllm, sglang, tgi)"));
    }
}
