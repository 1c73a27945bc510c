package dev.arbiter.client;

import java.net.URI;
import java.util.List;

/**
 * A model server found on this machine.
 *
 * @param server        ollama, llama.cpp, vllm, sglang, tgi, lm-studio, litellm or openai-compatible
 * @param version       as the server reports it, or null
 * @param api           the protocol Arbiter should speak to it
 * @param models        model names it offers (may be empty: TGI serves one model, llama.cpp one file)
 * @param contextLength context size the server reports, or null
 */
public record DiscoveredEndpoint(URI url, String server, String version, ApiFlavor api, List<String> models,
                                 Integer contextLength) {
    public DiscoveredEndpoint {
        models = models == null ? List.of() : List.copyOf(models);
    }
}
