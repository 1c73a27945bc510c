package dev.arbiter.eval;

import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.ModelException;
import dev.arbiter.client.PromptLogprobs;

/**
 * What a solver calls to ask the model: the engine's wrapper around a ModelClient that adds retries, the
 * response cache, rate limiting and accounting. Solvers never see the raw client.
 */
@FunctionalInterface
public interface Generate {
    GenerateResponse apply(GenerateRequest request);

    /**
     * The logprobs of the prompt's own tokens (loglikelihood scoring), through the same retries and request gate.
     * This default refuses: a Generate that wraps another must pass this call on (see {@link #mapping}).
     */
    default PromptLogprobs promptLogprobs(String prompt) {
        throw new ModelException(ModelException.Kind.UNSUPPORTED, 0, "this model call path cannot score a prompt's own tokens",
                null, null);
    }

    /** {@code inner} with each generation request changed by {@code change}; prompt logprobs pass through as they are. */
    static Generate mapping(Generate inner, java.util.function.UnaryOperator<GenerateRequest> change) {
        return new Generate() {
            @Override
            public GenerateResponse apply(GenerateRequest request) { return inner.apply(change.apply(request)); }

            @Override
            public PromptLogprobs promptLogprobs(String prompt) { return inner.promptLogprobs(prompt); }
        };
    }
}
