package dev.arbiter.cli;

import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.EnvLookup;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.probe.guard.GuardClassifier;
import dev.arbiter.probe.guard.LlamaGuard;
import dev.arbiter.probe.guard.PromptGuard;
import dev.arbiter.probe.guard.ShieldGemma;
import dev.arbiter.util.Ticker;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code --guard-*} and {@code --unsafe-set} of {@code probe}: a guard model measured as a filter. */
final class ProbeGuardOptions {
    @Option(names = "--guard-endpoint", paramLabel = "URL|NAME", description = "Guard model server (Llama Guard, ShieldGemma, Prompt Guard 2).")
    String endpoint;
    @Option(names = "--guard-model", paramLabel = "NAME", description = "Guard model name.")
    String model;
    @Option(names = "--guard-kind", paramLabel = "KIND", description = "llama_guard, shieldgemma or prompt_guard (default: from the model name, else llama_guard).")
    String kind;
    @Option(names = "--guard-api", paramLabel = "API", description = "Guard protocol for chat guards: openai or ollama.")
    ApiFlavor api;
    @Option(names = "--guard-api-key-env", paramLabel = "VAR", description = "Environment variable holding the guard's API key.")
    String apiKeyEnv;
    @Option(names = "--guard-threshold", paramLabel = "P", description = "Flag when P(unsafe) >= P, where the server gives probabilities (default: 0.5).")
    double threshold = 0.5;
    @Option(names = "--guard-policy", paramLabel = "TEXT", description = "ShieldGemma policy statement (one call per policy). Repeatable.")
    List<String> policies = new ArrayList<>();
    @Option(names = "--unsafe-set", paramLabel = "FILE", description = "Your own unsafe requests (.jsonl with prompt/goal/behavior, or one per line) to measure a content-safety guard's detection rate.")
    Path unsafeSet;

    boolean isSet() { return endpoint != null; }

    GuardClassifier create(Path endpointsConfig, int retries, EnvLookup keys) {
        if (!(threshold > 0 && threshold < 1)) throw new InvalidInputException("--guard-threshold must be between 0 and 1, got " + threshold);
        if (endpoint == null) {
            if (model != null || kind != null || unsafeSet != null) {
                throw new InvalidInputException("--guard-model, --guard-kind and --unsafe-set need --guard-endpoint");
            }
            return null;
        }
        String k = kind != null ? kind.toLowerCase(Locale.ROOT).replace('-', '_') : guessKind(model);
        if (unsafeSet != null && k.equals("prompt_guard")) {
            throw new InvalidInputException("--unsafe-set measures a content-safety guard; " + model + " is a prompt-injection classifier");
        }
        return switch (k) {
            case "llama_guard" -> new LlamaGuard(JudgeClients.create(endpoint, model, api, apiKeyEnv, endpointsConfig, retries, keys),
                    model, threshold, Ticker.system());
            case "shieldgemma" -> new ShieldGemma(JudgeClients.create(endpoint, model, api, apiKeyEnv, endpointsConfig, retries, keys),
                    model, policies, threshold, Ticker.system());
            case "prompt_guard" -> {
                EndpointMixin e = new EndpointMixin();
                e.endpoint = endpoint;
                e.model = model;
                e.apiKeyEnv = apiKeyEnv;
                e.config = endpointsConfig;
                Endpoint ep = e.resolve();
                yield new PromptGuard(ep.baseUrl(), ep.model(), ep.apiKey(keys), threshold, Ticker.system());
            }
            default -> throw new InvalidInputException("--guard-kind: unknown kind '" + kind + "' (expected llama_guard, shieldgemma or prompt_guard)");
        };
    }

    static String guessKind(String model) {
        String m = model == null ? "" : model.toLowerCase(Locale.ROOT);
        if (m.contains("shieldgemma")) return "shieldgemma";
        if (m.contains("prompt-guard") || m.contains("prompt_guard") || m.contains("promptguard")) return "prompt_guard";
        return "llama_guard";
    }
}
