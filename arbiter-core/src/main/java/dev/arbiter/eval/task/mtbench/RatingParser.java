package dev.arbiter.eval.task.mtbench;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a judge's 1–10 rating: FastChat's {@code [[N]]} pattern, else its {@code [N]} fallback, both with an optional
 * decimal part. Unlike FastChat (first match) the <em>last</em> match wins: the prompt shows the example
 * "Rating: [[5]]", which a judge may quote before giving its own verdict, and the prompt asks for the rating after
 * the explanation. Fidelity: a judgment with a single rating (the usual case) reads the same as in FastChat; only
 * judgments with several differ, and there the first is the quoted example or a restated one, not the verdict.
 * Injection: {@link MtBenchJudge} defuses {@code [[}/{@code ]]} in answers before the judge sees them, so a bracketed
 * rating in the judgment was written by the judge; taking the last means a judge echoing an answer's "[[10]]" earlier
 * in its reasoning still ends on its own verdict. A value outside 1–10 (FastChat keeps it) is a parse failure, counted.
 */
public final class RatingParser {
    private static final Pattern DOUBLE = Pattern.compile("\\[\\[(\\d+\\.?\\d*)]]");
    private static final Pattern SINGLE = Pattern.compile("\\[(\\d+\\.?\\d*)]");

    private RatingParser() {}

    public static OptionalDouble parse(String judgment) {
        if (judgment == null) return OptionalDouble.empty();
        String v = last(DOUBLE, judgment);
        if (v == null) v = last(SINGLE, judgment);
        if (v == null) return OptionalDouble.empty();
        double r = Double.parseDouble(v);
        return r >= 1 && r <= 10 ? OptionalDouble.of(r) : OptionalDouble.empty();
    }

    /**
     * FastChat's own reading ({@code fastchat/llm_judge/common.py} {@code run_judge_single}, lm-sys/FastChat 0e6d3e4b):
     * the first {@code [[N]]}, else the first {@code [N]}, any value kept (FastChat does not check the 1–10 range);
     * empty where FastChat records -1.
     */
    public static OptionalDouble parseFirst(String judgment) {
        if (judgment == null) return OptionalDouble.empty();
        Matcher m = DOUBLE.matcher(judgment);
        if (!m.find()) {
            m = SINGLE.matcher(judgment);
            if (!m.find()) return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(m.group(1)));
    }

    private static String last(Pattern p, String text) {
        String found = null;
        Matcher m = p.matcher(text);
        while (m.find()) found = m.group(1);
        return found;
    }
}
