package dev.arbiter.eval;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a benchmark was asked and graded, beyond its generation settings: the reference harness profile whose prompts
 * and grading it reproduces, the few-shot examples in each prompt, the system message given on the command line,
 * which generation settings the command line overrode, and the task's and scorer's options, the judge and the
 * context window asked for. Recorded in the run manifest and part of the settings key that finds the run to resume.
 *
 * @param harness    profile name ({@code arbiter}, {@code lm-eval}, …)
 * @param shots      worked examples in each prompt; null where the task has no such notion (custom data)
 * @param system     the {@code --system} message, or null
 * @param overridden snake_case names of the generation settings given on the command line
 * @param options    {@code --option}s ({@code template}, …), {@code --scorer-option}s (as {@code scorer.KEY}) and
 *                   {@code --field}s (as {@code field.FIELD}), sorted by key; null when there are none, so that the
 *                   key of a run without them is the one earlier versions stored. A task that picks temperatures
 *                   itself (mt_bench, by category) states them as {@code temperature/<group>}, and records
 *                   {@code generation.temperature} null, unless {@code --temperature} replaced them
 * @param judge      the judge model that grades, as its client describes itself (protocol, URL, model; never a key or
 *                   a header), or null when the scorer grades by rule
 * @param context    the {@code --context} asked of Ollama (the window the run got is the generation's {@code num_ctx}),
 *                   or null when not given or not sent
 */
public record EvalSetting(String harness, Integer shots, String system, List<String> overridden,
                          Map<String, String> options, String judge, Integer context) {
    public static final String DEFAULT_HARNESS = "arbiter";
    /** Prefix of the options by which a task states the temperatures it sends per group of samples. */
    public static final String TASK_TEMPERATURE_PREFIX = "temperature/";

    public EvalSetting {
        harness = harness == null ? DEFAULT_HARNESS : harness;
        if (shots != null && shots < 0) throw new IllegalArgumentException("shots must be >= 0, got " + shots);
        overridden = overridden == null ? List.of() : List.copyOf(overridden);
        // sorted: the key hashes the options as written, and a Map.copyOf's order changes from one JVM to the next
        options = options == null || options.isEmpty() ? null : Collections.unmodifiableSortedMap(new TreeMap<>(options));
        if (context != null && context < 1) throw new IllegalArgumentException("context must be >= 1 token, got " + context);
    }

    public EvalSetting(String harness, Integer shots, String system, List<String> overridden) {
        this(harness, shots, system, overridden, null, null, null);
    }

    public static EvalSetting shots(Integer shots) { return new EvalSetting(null, shots, null, null); }

    public EvalSetting withHarness(String h) { return new EvalSetting(h, shots, system, overridden, options, judge, context); }
    public EvalSetting withSystem(String s) { return new EvalSetting(harness, shots, s, overridden, options, judge, context); }
    public EvalSetting withOverridden(List<String> o) { return new EvalSetting(harness, shots, system, o, options, judge, context); }

    /** This setting without the task's own per-group temperatures: {@code --temperature} replaced them all. */
    public EvalSetting withoutTaskTemperatures() {
        if (options == null) return this;
        Map<String, String> o = new TreeMap<>(options);
        o.keySet().removeIf(k -> k.startsWith(TASK_TEMPERATURE_PREFIX));
        return new EvalSetting(harness, shots, system, overridden, o, judge, context);
    }

    /** This setting asked with {@code o} (task and scorer options), graded by {@code j}, in Ollama window {@code c}. */
    public EvalSetting withInputs(Map<String, String> o, String j, Integer c) {
        return new EvalSetting(harness, shots, system, overridden, o, j, c);
    }
}
