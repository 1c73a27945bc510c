package dev.arbiter.eval.scorer;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.harness.inspect.InspectMatch;

import java.util.Map;

/**
 * Inspect's {@code match} scorer ({@link InspectMatch}): 1 when a target is found at {@code location} (default the
 * end) of the answer, case-folded, numbers compared as numbers when {@code numeric}. The answer Inspect would report is
 * kept as the score's answer.
 */
public final class MatchScorer implements Scorer {
    private final InspectMatch.Location location;
    private final boolean ignoreCase;
    private final boolean numeric;

    public MatchScorer(InspectMatch.Location location, boolean ignoreCase, boolean numeric) {
        this.location = location;
        this.ignoreCase = ignoreCase;
        this.numeric = numeric;
    }

    @Override
    public String name() { return "match"; }

    @Override
    public Score score(TaskState state) {
        if (state.sample().target().isEmpty()) return Score.unscored(state.completion().strip(), "sample has no target");
        InspectMatch.Result r = InspectMatch.matchAny(state.completion(), state.sample().target(), location, ignoreCase, numeric);
        String where = location.name().toLowerCase(java.util.Locale.ROOT);
        return new Score(r.matched() ? 1.0 : 0.0, r.answer(), (r.matched() ? "target found at " : "no target at ") + where,
                Map.of("location", where, "numeric", numeric));
    }
}
