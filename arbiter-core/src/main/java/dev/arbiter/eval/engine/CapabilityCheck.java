package dev.arbiter.eval.engine;

import dev.arbiter.client.Capabilities;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Task;

/**
 * Refuses, before anything is stored, a run whose scoring the probed server cannot support. A task asks for
 * logprobs through its generation settings ({@code top_logprobs}); a server that returns none (llama.cpp's OpenAI
 * API, many proxies) would leave every sample unscored, or worse, scored at chance by a scorer that guesses.
 */
final class CapabilityCheck {
    private CapabilityCheck() {}

    static void require(Task task, Capabilities server, String endpointId) {
        if (task.config().topLogprobs() != null && !server.logprobs()) {
            throw new InvalidInputException("task " + task.name() + " (scorer " + task.scorer().name()
                    + ") reads token logprobs, but " + endpointId + (server.server() == null ? "" : " (" + server.server() + ")")
                    + " returned none when probed; use a scorer that reads the answer text (for mmlu: --scorer generate)"
                    + " or a server that returns them (e.g. vLLM, SGLang)");
        }
    }
}
