package dev.arbiter.client.openai;

/**
 * Body of a loglikelihood request to POST /v1/completions, the fields lm-eval's local-completions model sends
 * ({@code lm_eval/models/openai_completions.py}, {@code _create_payload} with {@code generate=False}): greedy, one
 * generated token (some servers refuse 0), the chosen token's logprob, the prompt echoed with its logprobs, seed 1234.
 * lm-eval sends the prompt as token ids from its own tokenizer; Arbiter has none and sends the text.
 */
record EchoRequestBody(String model, String prompt, double temperature, int maxTokens, int logprobs, long seed, boolean echo) {
    static final long LM_EVAL_SEED = 1234L;

    static EchoRequestBody of(String model, String prompt) {
        return new EchoRequestBody(model, prompt, 0.0, 1, 1, LM_EVAL_SEED, true);
    }
}
