package dev.arbiter.eval.harness;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.EvalSetting;
import dev.arbiter.eval.Task;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The reference harness whose request and grading a run reproduces ({@code --harness}). {@link #ARBITER} is
 * Arbiter's own careful default; every other profile reproduces its reference's prompt text, few-shot layout,
 * endpoint (chat or completions), system message, stop sequences, max tokens and temperature, and its grading,
 * for the tasks where that reference defines the benchmark. A task that does not implement a profile refuses it.
 */
public enum HarnessProfile {
    ARBITER("arbiter"), LM_EVAL("lm-eval"), SIMPLE_EVALS("simple-evals"), FASTCHAT("fastchat"), HUMAN_EVAL("human-eval"),
    QWEN("qwen");

    /** The {@code --option} key under which the command line passes the profile to task factories. */
    public static final String OPTION = "harness";

    private final String id;

    HarnessProfile(String id) { this.id = id; }

    public String id() { return id; }

    public static HarnessProfile parse(String s) {
        if (s == null || s.isBlank()) return ARBITER;
        String t = s.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (HarnessProfile p : values()) if (p.id.equals(t)) return p;
        throw new InvalidInputException("--harness must be one of " + Arrays.stream(values()).map(HarnessProfile::id)
                .collect(Collectors.joining(", ")) + ", got '" + s + "'");
    }

    /**
     * Whether an answer cut off at the token limit is graded as the text that came back. Every reference harness
     * does so: lm-eval's filters, simple-evals' regexes, Qwen2.5-Math's boxed reading, FastChat's judge and
     * human-eval's check never look at finish_reason, so their figure has a cut-off answer in its denominator (lm-eval
     * gsm8k_cot: 2 right of 4 with 2 cut off at its max_gen_toks 256 is 0.25, not 2 of 2). Arbiter's own grading leaves
     * it out as {@code truncated} and says to raise --max-tokens.
     */
    public boolean gradesTruncated() { return this != ARBITER; }

    /** {@link #gradesTruncated()} of the profile a task's setting names (none: Arbiter's own). */
    public static boolean gradesTruncated(EvalSetting setting) {
        return setting != null && parse(setting.harness()).gradesTruncated();
    }

    /** The profile named in a task factory's options (absent → {@link #ARBITER}). */
    public static HarnessProfile of(java.util.Map<String, String> options) {
        return parse(options.get(OPTION));
    }

    /** Refusal of a profile the task does not implement, naming those it does. */
    public static InvalidInputException unsupported(String task, HarnessProfile p, String supported) {
        return new InvalidInputException("--harness " + p.id + " is not defined for task " + task + " (it has: " + supported
                + "); leave --harness out for Arbiter's own prompts and grading");
    }

    /**
     * Records the profile and shots on a created task. A task whose factory implemented a non-default profile has
     * already recorded it; one that did not is refused here, so a profile is never silently ignored.
     */
    public static Task stamp(Task task, String harness, Integer shots) {
        HarnessProfile p = parse(harness);
        EvalSetting s = task.setting();
        if (p != ARBITER && (s == null || !p.id.equals(s.harness()))) {
            throw new InvalidInputException("--harness " + p.id + " is not defined for task " + task.name()
                    + "; leave --harness out for Arbiter's own prompts and grading");
        }
        if (s == null) s = EvalSetting.shots(shots);
        else if (s.shots() == null && shots != null) {
            // every other part kept: a task's own options (mt_bench's temperatures) are part of its settings key
            s = new EvalSetting(s.harness(), shots, s.system(), s.overridden(), s.options(), s.judge(), s.context());
        }
        return task.withSetting(s.withHarness(p.id));
    }
}
