package dev.arbiter.eval.task.math;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The final answer of a MATH solution: the last {@code \boxed{}}, else the minerva sentence lm-eval's own 4-shot
 * examples teach ({@code Final Answer: The final answer is $42$. I hope it is correct.}, read with lm-eval
 * {@code minerva_math/utils.py}'s {@code get_unnormalized_answer} regex, first match), else the last
 * "the final answer is X" line. Dollars around the value are dropped.
 */
public final class FinalAnswer {
    /** Where the answer was found. */
    public enum Source { BOXED, MINERVA, STATED, NONE }

    /** @param value the answer text, null when {@code source} is NONE */
    public record Found(String value, Source source) {}

    // lm-eval minerva_math/utils.py (EleutherAI/lm-evaluation-harness 4e7e0d47): Python re.search, "." not matching \n
    private static final Pattern MINERVA = Pattern.compile("Final Answer: The final answer is(.*?). I hope it is correct.");
    private static final Pattern STATED = Pattern.compile("(?im)\\bthe final answer is:?\\s*(.+?)\\s*$");

    private FinalAnswer() {}

    public static Found of(String text) {
        if (text == null) return new Found(null, Source.NONE);
        String boxed = Boxed.last(text);
        if (boxed != null) return new Found(boxed, Source.BOXED);
        Matcher m = MINERVA.matcher(text);
        if (m.find()) return found(m.group(1), Source.MINERVA);
        String last = null;
        Matcher s = STATED.matcher(text);
        while (s.find()) last = s.group(1);
        return last == null ? new Found(null, Source.NONE) : found(last, Source.STATED);
    }

    private static Found found(String raw, Source source) {
        String v = raw.strip();
        if (v.endsWith(".")) v = v.substring(0, v.length() - 1).strip();
        if (v.length() >= 2 && v.startsWith("$") && v.endsWith("$")) v = v.substring(1, v.length() - 1).strip();
        return v.isEmpty() ? new Found(null, Source.NONE) : new Found(v, source);
    }
}
