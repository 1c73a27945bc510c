package dev.arbiter.eval.task.humaneval;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.sandbox.SandboxOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /**
     * From the command line's {@code --option key=value} pairs: {@code mode} (chat|completion), {@code k}
     * (comma-separated, e.g. 1,10), {@code temperature}, {@code max_tokens}, {@code timeout_s},
     * {@code memory_mb}, {@code parallelism}, {@code namespaces} (true|false). Other keys belong to other tasks
     * and are ignored.
     *
     * @throws InvalidInputException naming the option when a value does not parse
     */
    public static HumanEvalOptions fromOptions(Map<String, String> o) {
        HumanEvalOptions d = defaults();
        SandboxOptions sb = d.sandbox();
        PromptMode mode = d.mode();
        if (o.containsKey("mode")) {
            String m = o.get("mode").trim().toLowerCase(Locale.ROOT);
            mode = switch (m) {
                case "chat" -> PromptMode.CHAT;
                case "completion" -> PromptMode.COMPLETION;
                default -> throw new InvalidInputException("option mode: expected chat or completion, got '"
                        + o.get("mode") + "'");
            };
        }
        List<Integer> ks = d.ks();
        if (o.containsKey("k")) {
            ks = new ArrayList<>();
            for (String part : o.get("k").split(",")) ks.add(positiveInt("k", part));
        }
        double temperature = o.containsKey("temperature") ? number("temperature", o.get("temperature"))
                : d.temperature();
        if (temperature < 0) throw new InvalidInputException("option temperature: must be >= 0, got " + temperature);
        int maxTokens = o.containsKey("max_tokens") ? positiveInt("max_tokens", o.get("max_tokens")) : d.maxTokens();
        if (o.containsKey("timeout_s")) {
            sb = sb.withTimeout(Duration.ofMillis(Math.round(1000 * number("timeout_s", o.get("timeout_s")))));
        }
        if (o.containsKey("memory_mb")) {
            int mb = positiveInt("memory_mb", o.get("memory_mb"));
            if (mb < 64) throw new InvalidInputException("option memory_mb: must be >= 64, got " + mb);
            sb = sb.withMemoryBytes(mb * 1024L * 1024L);
        }
        if (o.containsKey("parallelism")) sb = sb.withParallelism(positiveInt("parallelism", o.get("parallelism")));
        if (o.containsKey("namespaces")) {
            String v = o.get("namespaces").trim().toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw new InvalidInputException("option namespaces: expected true or false, got '" + v + "'");
            }
            sb = sb.withAllowNamespaces(Boolean.parseBoolean(v));
        }
        return new HumanEvalOptions(mode, sb, ks, temperature, maxTokens);
    }

    private static int positiveInt(String name, String value) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v >= 1) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("option " + name + ": expected a whole number >= 1, got '" + value + "'");
    }

    private static double number(String name, String value) {
        try {
            double v = Double.parseDouble(value.trim());
            if (Double.isFinite(v) && v > 0 || v == 0 && !name.equals("timeout_s")) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("option " + name + ": expected a number"
                + (name.equals("timeout_s") ? " > 0" : " >= 0") + ", got '" + value + "'");
    }
}
