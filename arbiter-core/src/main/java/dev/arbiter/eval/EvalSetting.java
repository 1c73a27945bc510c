package dev.arbiter.eval;

import java.util.List;

/**
 * How a benchmark was asked and graded, beyond its generation settings: the reference harness profile whose prompts
 * and grading it reproduces, the few-shot examples in each prompt, the system message given on the command line,
 * and which generation settings the command line overrode. Recorded in the run manifest.
 *
 * @param harness    profile name ({@code arbiter}, {@code lm-eval}, …)
 * @param shots      worked examples in each prompt; null where the task has no such notion (custom data)
 * @param system     the {@code --system} message, or null
 * @param overridden snake_case names of the generation settings given on the command line
 */
public record EvalSetting(String harness, Integer shots, String system, List<String> overridden) {
    public static final String DEFAULT_HARNESS = "arbiter";

    public EvalSetting {
        harness = harness == null ? DEFAULT_HARNESS : harness;
        if (shots != null && shots < 0) throw new IllegalArgumentException("shots must be >= 0, got " + shots);
        overridden = overridden == null ? List.of() : List.copyOf(overridden);
    }

    public static EvalSetting shots(Integer shots) { return new EvalSetting(null, shots, null, null); }

    public EvalSetting withHarness(String h) { return new EvalSetting(h, shots, system, overridden); }
    public EvalSetting withSystem(String s) { return new EvalSetting(harness, shots, s, overridden); }
    public EvalSetting withOverridden(List<String> o) { return new EvalSetting(harness, shots, system, o); }
}
