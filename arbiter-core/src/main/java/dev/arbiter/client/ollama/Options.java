package dev.arbiter.client.ollama;

import dev.arbiter.client.GenerationConfig;

import java.util.List;

/** Ollama's {@code options}; null fields are left to the Modelfile's defaults. */
record Options(Integer numCtx, Long seed, Double temperature, Double topP, Integer numPredict, List<String> stop) {
    static Options of(GenerationConfig c) {
        return new Options(c.numCtx(), c.seed(), c.temperature(), c.topP(), c.maxTokens(), c.stop());
    }
}
