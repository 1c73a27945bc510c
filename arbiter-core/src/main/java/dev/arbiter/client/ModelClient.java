package dev.arbiter.client;

import java.util.List;

/**
 * One served model behind one endpoint. Implementations map every failure to a {@link ModelException} subtype
 * chosen by what the caller should do next; retrying is the caller's policy (see RetryPolicy), not the client's.
 * Thread-safe: the engine calls {@link #generate} from many threads.
 */
public interface ModelClient extends AutoCloseable {
    /** Sends one request and waits for the whole answer (streamed internally when {@code request.stream()}). */
    GenerateResponse generate(GenerateRequest request);

    /** Chat vs completions, logprobs, context size; makes a few small requests. */
    Capabilities probe();

    /** Model names the server offers. */
    List<String> listModels();

    /**
     * The log-probabilities of the prompt's own tokens ({@code /v1/completions} with {@code echo: true}), for
     * loglikelihood scoring as lm-eval does it. Servers that cannot return them refuse with
     * {@link ModelException.Kind#UNSUPPORTED}; this default is that refusal.
     */
    default PromptLogprobs promptLogprobs(String prompt) {
        throw new ModelException(ModelException.Kind.UNSUPPORTED, 0, describe() + " cannot return the logprobs of a prompt's"
                + " own tokens (echo); loglikelihood scoring (--harness lm-eval for mmlu) needs an OpenAI-compatible"
                + " completions server that can, such as vLLM", null, null);
    }

    /** Short identity for logs and cache keys, e.g. {@code openai http://127.0.0.1:8000 llama3}. Never holds a key. */
    String describe();

    @Override
    default void close() {}
}
