package dev.arbiter.eval.task.humaneval;

import dev.arbiter.sandbox.SandboxOptions;

import java.util.List;

/**
 * Settings of a HumanEval run.
 *
 * @param ks          the k of each reported pass@k (each needs at least k epochs per problem to be defined)
 * @param temperature sampling temperature; 0 for greedy pass@1, above 0 (the paper: 0.2 for pass@1, 0.8 for
 *                    pass@100) when estimating pass@k from several epochs
 * @param maxTokens   generation budget per answer, tokens
 */
public record HumanEvalOptions(PromptMode mode, SandboxOptions sandbox, List<Integer> ks, double temperature,
                               int maxTokens) {
    public HumanEvalOptions {
        if (mode == null) throw new IllegalArgumentException("mode is required (chat or completion)");
        if (sandbox == null) throw new IllegalArgumentException("sandbox options are required");
        ks = ks == null || ks.isEmpty() ? List.of(1) : ks.stream().distinct().sorted().toList();
        for (int k : ks) if (k < 1) throw new IllegalArgumentException("every k must be >= 1, got " + k);
        if (temperature < 0) throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        if (maxTokens < 1) throw new IllegalArgumentException("max_tokens must be >= 1, got " + maxTokens);
    }

    /** Chat mode, default sandbox, pass@1, greedy, 1024 tokens. */
    public static HumanEvalOptions defaults() {
        return new HumanEvalOptions(PromptMode.CHAT, SandboxOptions.defaults(), List.of(1), 0.0, 1024);
    }

    public HumanEvalOptions withMode(PromptMode m) {
        return new HumanEvalOptions(m, sandbox, ks, temperature, maxTokens);
    }

    public HumanEvalOptions withSandbox(SandboxOptions s) {
        return new HumanEvalOptions(mode, s, ks, temperature, maxTokens);
    }
}
