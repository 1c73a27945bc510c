package dev.arbiter.eval.scorer;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the answer with a pattern (its first capture group, or the whole match when it has none), then
 * compares it to the targets after normalisation. The last match wins, as models restate and correct themselves.
 */
public final class RegexScorer implements Scorer {
    private final Pattern pattern;
    private final TextNormalizer normalizer;
    private final Unparseable unparseable;

    public RegexScorer(Pattern pattern, TextNormalizer normalizer, Unparseable unparseable) {
        this.pattern = pattern;
        this.normalizer = normalizer;
        this.unparseable = unparseable;
    }

    @Override
    public String name() { return "regex"; }

    @Override
    public Score score(TaskState state) {
        Matcher m = pattern.matcher(state.completion());
        String answer = null;
        while (m.find()) {
            answer = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
        }
        if (answer == null) return unparseable.score("pattern " + pattern.pattern() + " did not match");
        answer = answer.strip();
        if (state.sample().target().isEmpty()) return Score.unscored(answer, "sample has no target");
        String got = normalizer.apply(answer);
        for (String t : state.sample().target()) {
            if (normalizer.apply(t).equals(got)) return Score.of(1.0, answer, "extracted '" + answer + "' matches target");
        }
        return Score.of(0.0, answer, "extracted '" + answer + "', expected " + state.sample().target());
    }
}
