package dev.arbiter.client;

/**
 * What a served model supports, found by probing before a run.
 *
 * @param contextLength        context size the server serves the model with (Ollama: the loaded model's, from
 *                             /api/ps), or null when it does not say
 * @param maxTopLogprobs       the most top logprobs per token the server accepted when probed (TGI's default limit is
 *                             5, OpenAI's and vLLM's 20); null when it returned no logprobs
 * @param trainedContextLength the model's trained context where the server reports it separately from the served one
 *                             (Ollama's /api/show), else null
 */
public record Capabilities(boolean chat, boolean completions, boolean logprobs, Integer contextLength, String serverModel,
                           String server, Integer maxTopLogprobs, Integer trainedContextLength) {
    public Capabilities(boolean chat, boolean completions, boolean logprobs, Integer contextLength, String serverModel,
                        String server) {
        this(chat, completions, logprobs, contextLength, serverModel, server, null, null);
    }

    public Capabilities withContext(Integer served, Integer trained) {
        return new Capabilities(chat, completions, logprobs, served, serverModel, server, maxTopLogprobs, trained);
    }
}
